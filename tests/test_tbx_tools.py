"""TBX as other tools write it: statuses as yes/no flags (Phrase), in a descrip (Trados), legacy language tags."""

from __future__ import annotations

import pytest

from glossary.formats import read_bytes


def _tbx(body: str) -> bytes:
    return f'<?xml version="1.0" encoding="UTF-8"?>\n<martif type="TBX" xml:lang="en"><text><body>\n{body}\n' \
           '</body></text></martif>\n'.encode()


PHRASE = """<termEntry id="e1"><descrip type="definition">heavy-lift launcher</descrip>
<langSet xml:lang="en_us">
  <tig><term>Long March-5</term><termNote type="status">Approved</termNote>
    <termNote type="preferred">false</termNote><termNote type="forbidden">true</termNote></tig>
  <tig><term>Long March 5</term><termNote type="status">Approved</termNote>
    <termNote type="preferred">true</termNote><termNote type="forbidden">false</termNote></tig>
  <tig><term>CZ-5</term><termNote type="status">New</termNote></tig>
</langSet>
<langSet xml:lang="zh_cn"><tig><term>长征五号</term><termNote type="preferred">true</termNote></tig></langSet>
</termEntry>"""

TRADOS = """<termEntry id="c5"><descrip type="Definition">heavy-lift launcher</descrip>
<langSet xml:lang="zh-CHT"><tig><term>長征五號</term></tig></langSet>
<langSet xml:lang="zh-CHS"><tig><term>长征五号</term></tig></langSet>
<langSet xml:lang="EN-US">
  <tig><term>Long March-5</term><descrip type="Status">Forbidden</descrip></tig>
  <tig><term>Long March 5</term><descrip type="Status">Approved</descrip></tig>
</langSet></termEntry>"""


def test_phrase_yes_no_flags():
    [t] = read_bytes(_tbx(PHRASE), "phrase.tbx")
    assert (t.zh, t.en, t.aliases, t.forbidden) == ("长征五号", "Long March 5", ("CZ-5",), ("Long March-5",))
    assert t.note == "heavy-lift launcher"


def test_trados_status_in_descrip_and_legacy_tags():
    [t] = read_bytes(_tbx(TRADOS), "trados.tbx")
    assert (t.zh, t.zh_variants, t.en, t.forbidden) == ("长征五号", ("長征五號",), "Long March 5", ("Long March-5",))
    assert t.note == "heavy-lift launcher"


@pytest.mark.parametrize("flag, expected", [("true", ("Tiangong", ("Heavenly Palace",))),
                                            ("false", ("Heavenly Palace", ()))])
def test_a_forbidden_flag_wins_over_the_status(flag, expected):
    body = f"""<termEntry id="t"><langSet xml:lang="zh"><tig><term>天宫</term></tig></langSet>
<langSet xml:lang="en"><tig><term>Heavenly Palace</term>
  <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote><termNote type="forbidden">{flag}</termNote></tig>
  <tig><term>Tiangong</term></tig></langSet></termEntry>"""
    [t] = read_bytes(_tbx(body), "t.tbx")
    assert (t.en, t.forbidden) == expected


def test_romanized_chinese_section_is_not_chinese():
    body = """<termEntry id="t"><langSet xml:lang="zh-Latn-pinyin"><tig><term>Tiangong</term></tig></langSet>
<langSet xml:lang="zh-Hans-HK"><tig><term>天宫</term></tig></langSet>
<langSet xml:lang="eng"><tig><term>Tiangong</term></tig></langSet></termEntry>"""
    [t] = read_bytes(_tbx(body), "t.tbx")
    assert (t.zh, t.zh_variants, t.en) == ("天宫", (), "Tiangong")


def test_multiterm_xml_gets_a_hint():
    from glossary.errors import GlossaryError

    data = '<?xml version="1.0"?><mtf><conceptGrp><concept>1</concept></conceptGrp></mtf>'.encode()
    with pytest.raises(GlossaryError) as exc:
        read_bytes(data, "export.tbx")
    assert "root element is <mtf>" in str(exc.value) and "MultiTerm XML: export the termbase as TBX" in str(exc.value)
