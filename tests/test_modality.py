"""Modality: the enum, its forgiving parser, and the kind-of relation."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import aitaxonomy as ai
from aitaxonomy import Modality


@pytest.mark.parametrize(
    ("spelling", "expected"),
    [
        ("image", Modality.IMAGE),
        ("Images", Modality.IMAGE),
        ("IMAGE", Modality.IMAGE),
        ("picture", Modality.IMAGE),
        ("  Photos ", Modality.IMAGE),
        ("text", Modality.TEXT),
        ("source code", Modality.CODE),
        ("Source-Code", Modality.CODE),
        ("songs", Modality.MUSIC),
        ("jingle", Modality.MUSIC),
        ("voice", Modality.SPEECH),
        ("sound", Modality.AUDIO),
        ("videos", Modality.VIDEO),
        ("movie", Modality.VIDEO),
        ("embeddings", Modality.EMBEDDING),
        ("vectors", Modality.EMBEDDING),
        # an alias that ends in "s" is not taken for a plural
        ("tts", Modality.SPEECH),
        # underscores, hyphens and spaces are one separator
        ("Text_To_Speech", Modality.SPEECH),
        ("text-to-speech", Modality.SPEECH),
        ("source_code", Modality.CODE),
        # plurals in -es
        ("meshes", Modality.THREE_D),
        ("voice-overs", Modality.SPEECH),
        ("footage", Modality.VIDEO),
        ("diagrams", Modality.IMAGE),
        (Modality.AUDIO, Modality.AUDIO),
    ],
)
def test_forgiving_spellings(spelling: str | ai.Modality, expected: Any) -> None:
    """Users' spellings map to the member they mean, via parse() and the enum call."""
    assert Modality.parse(spelling) is expected
    assert Modality(spelling) is expected


def test_values_are_lowercase_strings() -> None:
    """Members are str and equal to their lowercase value, as the issue requires."""
    for member in Modality:
        assert isinstance(member, str)
        assert member == member.value == member.value.lower()
    assert {"text", "code", "image", "audio", "music", "video"} <= {
        m.value for m in Modality
    }


@pytest.mark.parametrize(
    ("child", "parent"),
    [(Modality.MUSIC, Modality.AUDIO), (Modality.SPEECH, Modality.AUDIO)],
)
def test_kinds_of_audio(child: ai.Modality, parent: ai.Modality) -> None:
    """Music and speech are kinds of audio; the relation is one way."""
    assert child.parent is parent
    assert child.is_a(parent)
    assert child.is_a(child)
    assert not parent.is_a(child)
    assert child in parent.kinds()


def test_top_level_modalities_have_no_parent() -> None:
    for member in (Modality.TEXT, Modality.CODE, Modality.IMAGE, Modality.VIDEO):
        assert member.parent is None
        assert member.kinds() == {member}


def test_unknown_spelling_suggests() -> None:
    """An unknown string names itself, suggests a near miss and lists the choices."""
    with pytest.raises(ai.errors.InvalidModalityError) as info:
        Modality.parse("imgae")
    message = str(info.value)
    assert "'imgae'" in message
    assert "did you mean 'image'" in message
    assert "known: text, code" in message
    assert isinstance(info.value, ValueError)


def test_unknown_without_near_miss() -> None:
    with pytest.raises(
        ai.errors.InvalidModalityError, match="unknown modality 'smell'; known"
    ):
        Modality.parse("smell")


@pytest.mark.parametrize(
    ("value", "named"),
    [
        (3, "int 3"),
        (None, "NoneType None"),
        (2.5, "float 2.5"),
        (b"image", "bytes b'image'"),
        (["image"], "list ['image']"),
    ],
)
def test_wrong_type_is_a_type_error(value: Any, named: str) -> None:
    """A non-string is a TypeError that is also the library's modality error,
    and the message names the type and the value given."""
    with pytest.raises(TypeError) as info:
        Modality.parse(value)
    assert isinstance(info.value, ai.errors.InvalidModalityError)
    assert str(info.value) == (
        f"a modality must be a string or a Modality, not {named}; known: "
        "text, code, image, audio, music, speech, video, embedding, 3d, "
        "molecule, table, label, boxes, mask, score, ranking, forecast, action"
    )


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (3, "modalities must be a modality or an iterable of them, not int 3"),
        (
            None,
            "modalities must be a modality or an iterable of them, not NoneType None",
        ),
        (["image", 3], "a modality must be a string or a Modality, not int 3; known: "),
    ],
)
def test_a_wrong_collection_names_what_is_wrong(value: Any, message: str) -> None:
    from aitaxonomy._modality import to_modalities  # noqa: PLC0415

    with pytest.raises(TypeError) as info:
        to_modalities(value)
    assert isinstance(info.value, ai.errors.InvalidModalityError)
    assert str(info.value).startswith(message)


@given(st.text())
def test_parse_never_raises_anything_else(value: Any) -> None:
    """Arbitrary text either parses to a member or raises the library's error."""
    try:
        result = Modality.parse(value)
    except ai.errors.InvalidModalityError:
        return
    assert isinstance(result, Modality)


@given(st.sampled_from(list(Modality)))
def test_parse_value_round_trip(member: ai.Modality) -> None:
    assert Modality.parse(member.value) is member
    assert Modality.parse(member.value.upper()) is member


@pytest.mark.parametrize(
    "items",
    [
        ["Images", "text"],  # a spelling to parse first
        ["text", "Images"],  # then last
        [ai.Modality.VIDEO, "pictures"],
    ],
)
def test_an_iterator_is_read_once_and_whole(items: list[Any]) -> None:
    """A generator cannot be read twice: no item may be lost to a shortcut."""
    from aitaxonomy._modality import to_modalities  # noqa: PLC0415

    assert to_modalities(iter(items)) == {Modality.parse(i) for i in items}
    assert to_modalities(x for x in items) == {Modality.parse(i) for i in items}


def test_a_frozenset_of_spellings_is_parsed() -> None:
    """Only a frozenset of members is taken as it is; spellings are read."""
    from aitaxonomy._modality import to_modalities  # noqa: PLC0415

    found = to_modalities(frozenset({"Images", "voice"}))
    assert found == {Modality.IMAGE, Modality.SPEECH}
    assert all(type(m) is Modality for m in found)
    members = frozenset({Modality.TEXT})
    assert to_modalities(members) == members
