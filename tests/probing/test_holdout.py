"""What ranks the probes with no eval_data: a fixed training sample by default, or held-back data (--holdout) that
probes never train on."""

from __future__ import annotations

import torch
from torch.utils.data import DataLoader, TensorDataset, WeightedRandomSampler

from warmfind import defaults
from warmfind.probing.holdout import hold_out, split_off
from warmfind.probing.workload import build_workload


def _dataset(n: int = 320) -> TensorDataset:
    return TensorDataset(torch.arange(n, dtype=torch.float32).unsqueeze(1), torch.zeros(n))


def _rows(loader: DataLoader) -> list[int]:
    return sorted(int(v) for x, _ in loader for v in x[:, 0])


def test_a_shuffled_loader_gives_up_a_random_tenth_that_training_never_sees() -> None:
    train, held, detail = split_off(DataLoader(_dataset(), batch_size=16, shuffle=True), 0.1)
    train_rows, held_rows = _rows(train), _rows(held)
    assert len(held_rows) == 32 and len(train_rows) == 288
    assert not set(train_rows) & set(held_rows) and held_rows != list(range(288, 320))
    assert "32 of 320 examples (10%) held back at random" in detail


def test_a_sequential_loader_gives_up_its_tail_so_batch_numbers_keep_their_meaning() -> None:
    train, held, _ = split_off(DataLoader(_dataset(), batch_size=16), 0.1)
    assert _rows(held) == list(range(288, 320)) and [int(x[0, 0]) for x, _ in train][:3] == [0, 16, 32]


def test_a_list_of_batches_gives_up_its_last_batches() -> None:
    batches = [(torch.full((4, 1), float(i)), torch.zeros(4)) for i in range(20)]
    train, held, detail = split_off(batches, 0.1)
    assert [int(x[0, 0]) for x, _ in held] == [18, 19] and len(train) == 18
    assert detail.startswith("the last 2 of 20 batches")


def test_what_cannot_be_split_says_why() -> None:
    assert "fewer than 10 batches" in split_off(DataLoader(_dataset(64), batch_size=16), 0.1)
    assert "fewer than 10" in split_off([(torch.zeros(2, 1), torch.zeros(2))] * 3, 0.1)
    assert "a stream, a generator or a custom iterable" in split_off(iter([]), 0.1)
    weighted = DataLoader(_dataset(), batch_size=16, sampler=WeightedRandomSampler([1.0] * 320, 320))
    assert "own sampler" in split_off(weighted, 0.1)


def test_eval_data_wins_and_the_switch_turns_holding_back_off() -> None:
    model = torch.nn.Linear(1, 1)
    loader = DataLoader(_dataset(), batch_size=16, shuffle=True)
    given = build_workload({"model": model, "data": loader, "eval_data": [(torch.zeros(2, 1), torch.zeros(2))]})
    assert hold_out(given)[0] is given and hold_out(given)[1].by == "eval_data"
    ignored, why = hold_out(given, enabled=False, use_eval_data=False)  # --no-eval-data: as if the factory gave none
    assert why.by == "training-sample" and "--no-eval-data" in why.detail and ignored.eval_data != given.eval_data
    plain = build_workload({"model": model, "data": loader})
    off, why = hold_out(plain, enabled=False)
    assert off.data is loader and why.by == "training-sample" and "--holdout" in why.detail
    held, ranking = hold_out(plain)
    assert ranking.by == "held-back" and held.eval_data is not None and held.data is not loader


def test_with_the_switch_off_probes_are_scored_on_one_fixed_sample_of_the_training_data() -> None:
    plain = build_workload({"model": torch.nn.Linear(1, 1), "data": DataLoader(_dataset(), batch_size=16, shuffle=True)})
    first, ranking = hold_out(plain, enabled=False)
    again, _ = hold_out(plain, enabled=False)
    rows = [int(v) for x, _ in first.eval_data for v in x[:, 0]]
    # every training example is eligible, nothing is removed from training, and the sample is the same every time
    assert len(first.eval_data) == defaults.TRAINING_SAMPLE_BATCHES and len(rows) == 320 and sorted(rows) != rows
    assert rows == [int(v) for x, _ in again.eval_data for v in x[:, 0]]
    assert ranking.score == "training-sample loss" and "20 training batches" in ranking.detail


def test_the_sample_stops_at_the_data_s_own_length_and_at_its_size_cap(monkeypatch) -> None:
    three = [(torch.full((4, 1), float(i)), torch.zeros(4)) for i in range(3)]
    sampled, _ = hold_out(build_workload({"model": torch.nn.Linear(1, 1), "data": three}), enabled=False)
    assert sorted(int(x[0, 0]) for x, _ in sampled.eval_data) == [0, 1, 2]  # one pass, no repeats
    monkeypatch.setattr(defaults, "TRAINING_SAMPLE_MAX_MB", 1)
    big = [(torch.zeros(2**16, 4), torch.zeros(2**16)) for _ in range(30)]  # 1.25 MB a batch: over the cap alone
    capped, ranking = hold_out(build_workload({"model": torch.nn.Linear(4, 1), "data": big}), enabled=False)
    assert len(capped.eval_data) == 1 and "sample of 1 training batches" in ranking.detail


def test_a_stream_cannot_be_held_back_so_it_is_ranked_on_the_training_sample() -> None:
    def stream():
        while True:
            yield torch.randn(8, 1), torch.zeros(8)

    class Fresh:  # re-iterable: a fresh generator per pass, as a streaming dataset is
        def __iter__(self):
            return stream()

    sampled, ranking = hold_out(build_workload({"model": torch.nn.Linear(1, 1), "data": Fresh()}), enabled=True)
    assert ranking.by == "training-sample" and "nothing held back" in ranking.detail
    assert len(sampled.eval_data) == defaults.TRAINING_SAMPLE_BATCHES


def test_every_probe_is_scored_on_the_same_sample_by_its_final_weights() -> None:
    import math

    from warmfind.probing.prober import Prober

    torch.manual_seed(0)
    x = torch.randn(640, 4)
    data = DataLoader(TensorDataset(x, x @ torch.ones(4, 1)), batch_size=32, shuffle=True)
    workload, ranking = hold_out(build_workload({"model": torch.nn.Linear(4, 1), "data": data}), enabled=False)
    prober = Prober(workload, torch.device("cpu"), eval_name=ranking.score)
    still, _ = prober.run(lambda step: 0.0, 20, "screen", 0.0)  # LR 0: the weights never move
    again, _ = prober.run(lambda step: 0.0, 20, "screen", 0.0, data_seed=7)  # another data order, the same sample
    trained, _ = prober.run(lambda step: 0.05, 20, "screen", 0.05)
    assert still.eval_loss == again.eval_loss and still.eval_name == "training-sample loss"
    with torch.no_grad():  # the initial weights' mean loss over the sample's batches
        model = prober.model
        prober.restore(prober.initial)
        expected = sum(float(torch.nn.functional.mse_loss(model(a), b)) for a, b in workload.eval_data) / len(workload.eval_data)
    assert math.isclose(still.eval_loss, expected, rel_tol=1e-5)
    assert trained.eval_loss < still.eval_loss  # scored by where the run ended, not by its steps' average
