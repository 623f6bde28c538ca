from flooding_monitor.heart.spans import true_spans


def test_true_spans():
    x = [0.0, 1.0, 2.0, 3.0, 4.0]
    assert true_spans(x, [False, True, True, False, True]) == [(1.0, 3.0), (4.0, 4.0)]
    assert true_spans(x, [True] * 5) == [(0.0, 4.0)]
    assert true_spans(x, [False] * 5) == []
    assert true_spans([], []) == []


def test_overlapping_spans_merge_into_one():
    from flooding_monitor.heart.spans import merge_spans

    assert merge_spans([(5.0, 9.0), (0.0, 2.0), (1.0, 3.0), (9.0, 10.0)]) == [(0.0, 3.0), (5.0, 10.0)]
    assert merge_spans([]) == []
