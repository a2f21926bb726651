"""RAdam's rectification: r_t as torch's RAdam applies it, and the largest step of a probe against its full run."""

from __future__ import annotations

import math

import torch

from warmfind.analysis.rectification import largest_step, rectification, step_ratio


def test_rectification_is_the_step_torch_radam_takes_on_a_constant_gradient() -> None:
    """With a constant gradient, m_hat = g and v_hat = g^2, so each adaptive step of torch's RAdam is lr x r_t exactly
    (up to eps): the known answer the formula must reproduce, step by step."""
    param = torch.nn.Parameter(torch.zeros(1, dtype=torch.float64))
    opt = torch.optim.RAdam([param], lr=0.01, betas=(0.9, 0.999), eps=1e-12)
    for step in range(1, 401):
        before = param.item()
        param.grad = torch.ones_like(param)
        opt.step()
        r = rectification(step, 0.999)
        if r > 0:  # torch's first steps (rho_t <= 5) are unadapted: lr x m_hat, not an adaptive step
            assert math.isclose(before - param.item(), 0.01 * r, rel_tol=1e-9), step
    assert rectification(1, 0.999) == 0.0 and math.isclose(rectification(10**6, 0.999), 1.0, rel_tol=1e-6)
    assert math.isclose(rectification(182, 0.999), 0.2925, abs_tol=1e-4) and rectification(3000, 0.999) > 0.9


def test_a_short_probe_takes_a_smaller_largest_step_than_its_long_run() -> None:
    assert math.isclose(largest_step([1.0] * 500, 0.999), rectification(500, 0.999))  # a constant LR peaks last
    q = step_ratio([1.0] * 182, [1.0] * 3000, 0.999)
    assert math.isclose(q, rectification(182, 0.999) / rectification(3000, 0.999)) and 0.3 < q < 0.33
    assert step_ratio([1.0] * 100, [1.0] * 100, 0.999) == 1.0
    assert step_ratio([1.0] * 4, [1.0] * 4, 0.999) == 1.0  # no adaptive step at all: nothing to scale
