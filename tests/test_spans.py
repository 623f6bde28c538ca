from flooding_monitor.spans import true_spans


def test_true_spans():
    x = [0.0, 1.0, 2.0, 3.0, 4.0]
    assert true_spans(x, [False, True, True, False, True]) == [(1.0, 3.0), (4.0, 4.0)]
    assert true_spans(x, [True] * 5) == [(0.0, 4.0)]
    assert true_spans(x, [False] * 5) == []
    assert true_spans([], []) == []
