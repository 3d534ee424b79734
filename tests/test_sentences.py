"""Sentence splitting keeps exact offsets and respects abbreviations."""

from enlace.extract.sentences import split_sentences


def test_offsets_are_exact_spans():
    text = "Dr. Li met the mayor. Then they signed.\n\n第二段。第三句！"
    for sentence in split_sentences(text):
        assert text[sentence.start:sentence.end] == sentence.text


def test_abbreviations_do_not_end_a_sentence():
    texts = [s.text for s in split_sentences("H.E. Mr. Wang met Sr. Pérez on Dec. 4 in Lima. Done.")]
    assert texts == ["H.E. Mr. Wang met Sr. Pérez on Dec. 4 in Lima.", "Done."]


def test_chinese_and_paragraphs():
    texts = [s.text for s in split_sentences("会见了大使。双方交流。\n\nNew paragraph")]
    assert texts == ["会见了大使。", "双方交流。", "New paragraph"]


def test_wrapped_lines_stay_one_sentence():
    text = "Cuba y China constataron\nel excelente estado de sus relaciones."
    assert len(split_sentences(text)) == 1


def test_chinese_chained_engagements_split_into_clauses():
    from enlace.extract.sentences import split_clauses

    text = "大使访问尤卡坦州，会见州长，出席企业家座谈会，并表示欢迎。"
    (sentence,) = split_sentences(text)
    pieces = split_clauses(sentence, ("会见", "出席"))
    assert [p.text for p in pieces] == ["大使访问尤卡坦州", "会见州长", "出席企业家座谈会，并表示欢迎。"]
    for piece in pieces:
        assert text[piece.start:piece.end] == piece.text
