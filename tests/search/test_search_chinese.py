"""Chinese segmentation (treaty.search.chinese): jieba in the build, its algorithm for queries."""

import random

from treaty.search.chinese import Dictionary, jieba_cut
from treaty.search.normalize import HAN_RUN, words

TEXT = ("本条要求缔约国在国内法中将故意且未经授权地访问信息和通信技术系统的全部或任何部分的行为"
        "规定为刑事犯罪。缔约国应采取必要的立法和其他措施，保全所存储的电子数据，保护证人和个人数据。")


def test_jieba_segments_treaty_terms_into_words():
    assert jieba_cut("非法访问计算机系统") == ["非法", "访问", "计算机系统"]
    assert "缔约国" in jieba_cut("要求缔约国在国内法中")


def test_the_dictionary_keeps_every_word_jieba_can_use_in_the_text():
    dictionary = Dictionary.for_runs(HAN_RUN.findall(TEXT))
    assert {"缔约国", "电子", "数据", "访问"} <= set(dictionary.freq)
    assert "计算机" not in dictionary.freq  # not in the text


def test_query_segmentation_equals_jieba_on_any_run_of_the_text():
    runs = HAN_RUN.findall(TEXT)
    dictionary = Dictionary.for_runs(runs)
    pick = random.Random(7)
    for run in runs:
        assert dictionary.cut(run) == jieba_cut(run), run
        for _ in range(40):
            start = pick.randrange(len(run))
            piece = run[start:start + pick.randint(2, 8)]
            assert dictionary.cut(piece) == jieba_cut(piece), piece


def test_dictionary_round_trips_through_json():
    dictionary = Dictionary.for_runs(HAN_RUN.findall(TEXT))
    again = Dictionary.from_json(dictionary.as_json())
    assert again.freq == dictionary.freq and again.total == dictionary.total


def test_words_cut_han_runs_and_keep_digits_and_latin():
    dictionary = Dictionary.for_runs(["第条网络"])
    assert words("第7条 24/7网络", "zh", segmenter=dictionary.cut) == ["第", "7", "条", "24", "7", "网络"]


def test_the_word_list_reads_jiebas_dictionary_as_jieba_does(tmp_path):
    # A word listed twice keeps its last frequency, every line counts in the total, and words are
    # filed by their first two characters (one for a word of one character).
    from treaty.search.chinese import WordList, write_word_list

    source = tmp_path / "dict.txt"
    source.write_text("计算机 120 n\n计算 300 v\n网络 80 n\n计算机 150 n\n犯 7 v\n网络犯罪 5 n\n", encoding="utf-8")
    write_word_list(source, tmp_path / "words.sqlite")
    words = WordList(tmp_path / "words.sqlite")
    assert words.total == 120 + 300 + 80 + 150 + 7 + 5
    assert words.words({"计算"}) == {"计算机": 150, "计算": 300}
    assert words.words({"网络", "犯"}) == {"网络": 80, "网络犯罪": 5, "犯": 7}
    assert words.words({"罪"}) == {}


def test_the_word_list_of_the_installed_jieba_gives_jiebas_frequencies():
    from treaty.search.chinese import WordList, jieba_tokenizer

    jieba = jieba_tokenizer()
    sample = ["计算机", "网络", "犯罪", "数据", "公约", "缔约国", "电子证据"]
    found = WordList.default().words({word[:2] for word in sample})
    assert all(found[word] == jieba.FREQ[word] for word in sample if jieba.FREQ.get(word))
    assert WordList.default().total == jieba.total
