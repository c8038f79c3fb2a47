"""Hidden cases and known mistakes for "Character level language model" (names).

`model` trains, so its cases are tiny (a few steps, a few hidden units). Its names are always the
whole training file: the original version of `model` ignored its first argument and read dinos.txt
itself, and the grader runs in a copy of the release folder, where that file is. What the cases vary
is the number of steps, of hidden units and of sampled names.

While `model` is graded, `sample` and `clip` are the reference's, but `optimize` is the learner's:
`optimize` trains by changing `parameters` in place (both versions), and the reference standing in
for a graded function cannot change the caller's arguments. So the known mistakes of `optimize` are
those that change what it returns without changing how `model` trains on these cases (the clipping,
which tiny models never reach, and the loss, which `model` only prints).
"""
import numpy as np

from autograder import paths
from autograder.spec import Case, Mistake, case_rng

AID = "c5w1_char_language_model"

CALLEES = {"optimize": ["clip"], "model": ["optimize", "sample", "clip"]}
# The original clip clipped the caller's arrays (np.clip(..., out=...)) and returned the same dict;
# optimize trains by changing the caller's parameters (update_parameters works in place), in both versions.
MAY_CHANGE = {"clip": {0}}
# optimize's job is to train the caller's parameters in place: their state after the call is graded.
ARGUMENT_OUTPUTS = {"optimize": {3}}
OLD_RETURNS = {"model": (0, "the current version of model returns (parameters, last_name), the last name "
                            "it sampled; yours returns the parameters only",
                            "当前版本的 model 返回 (parameters, last_name)，即参数和它最后采样出的名字；"
                            "你的 model 只返回参数")}

NEWLINE = "\n"
LETTERS = "abcdefghijklmnopqrstuvwxyz"


def _vocabulary(chars):
    """char_to_ix for the characters in this order."""
    return {ch: i for i, ch in enumerate(chars)}


def _parameters(rng, n_a, vocab_size, scale=1.0):
    return {"Wax": rng.randn(n_a, vocab_size) * scale, "Waa": rng.randn(n_a, n_a) * scale,
            "Wya": rng.randn(vocab_size, n_a) * scale, "b": rng.randn(n_a, 1), "by": rng.randn(vocab_size, 1)}


def _gradients(rng, n_a, n_x, n_y, scale):
    return {"dWax": rng.randn(n_a, n_x) * scale, "dWaa": rng.randn(n_a, n_a) * scale,
            "dWya": rng.randn(n_y, n_a) * scale, "db": rng.randn(n_a, 1) * scale, "dby": rng.randn(n_y, 1) * scale}


def clip_cases():
    cases = []
    for seed, (n_a, n_x, maxValue, scale) in enumerate([(4, 6, 2.5, 4.0), (1, 3, 10, 15.0),
                                                        (7, 27, 0.7, 1.0), (3, 2, 5, 6.0)]):
        rng = case_rng(10 + seed)
        gradients = _gradients(rng, n_a, n_x, n_x, scale)
        # values beyond both bounds in the biases, and values exactly at the bounds
        gradients["db"][0, 0], gradients["dby"][-1, 0] = 3 * maxValue, -3 * maxValue
        gradients["dWax"][0, 0], gradients["dWya"][-1, -1] = maxValue, -maxValue
        gradients["dWaa"][-1, 0] = -0.5 * maxValue  # inside, negative
        cases.append(Case(f"n_a={n_a}, vocabulary of {n_x}, maxValue={maxValue}", (gradients, maxValue),
                          zh=f"n_a={n_a}，词汇表大小 {n_x}，maxValue={maxValue}"))
    return cases


def sample_cases():
    cases = []
    settings = [  # (characters in index order, n_a, seed, what is special, in Chinese)
        (NEWLINE + LETTERS, 5, 3, "27 characters", "27 个字符"),
        ("abc" + NEWLINE, 3, 7, "4 characters, newline last", "4 个字符，换行符排在最后"),
        (NEWLINE + LETTERS, 4, 11, "27 characters, a newline so unlikely that 50 are drawn",
         "27 个字符，换行符极不可能被抽到，因此会抽满 50 个"),
        ("xy" + NEWLINE + "zwv", 1, 0, "6 characters, n_a=1", "6 个字符，n_a=1"),
    ]
    for seed, (chars, n_a, start, label, label_zh) in enumerate(settings):
        rng = case_rng(20 + seed)
        char_to_ix = _vocabulary(chars)
        parameters = _parameters(rng, n_a, len(chars))
        newline = char_to_ix[NEWLINE]
        if seed == 2:  # |Wya a| stays below ~12 here: the newline has probability below e^-35
            parameters["by"][newline, 0] = -50.0
        if seed == 1:  # the newline's logit is the largest at every step (p >= 1/4): a right loop stops at it
            parameters["Wya"][newline] = 0.0
            others = np.abs(parameters["Wya"]).sum(axis=1) + parameters["by"][:, 0]
            parameters["by"][newline, 0] = np.delete(others, newline).max()
        cases.append(Case(f"{label}, seed={start}", (parameters, char_to_ix, start), zh=f"{label_zh}，seed={start}"))
    return cases


def optimize_cases():
    cases = []
    settings = [  # (vocab_size, n_a, name length, learning_rate, starts with None)
        (27, 6, 15, 0.01, True),
        (5, 3, 6, 0.05, False),
        (27, 1, 0, 0.5, True),
        (10, 8, 7, 0.01, True),
    ]
    for seed, (vocab_size, n_a, length, lr, none_first) in enumerate(settings):
        rng = case_rng(30 + seed)
        parameters = _parameters(rng, n_a, vocab_size, scale=0.5)
        a_prev = np.tanh(rng.randn(n_a, 1))
        newline = 0
        if seed == 0:  # one letter over and over, and unlikely: its gradient by far exceeds 5 (and 10)
            letter = 1 + rng.randint(vocab_size - 1)
            parameters["by"][letter, 0] = -8.0
            chars = [letter] * length
        else:
            chars = list(1 + rng.randint(vocab_size - 1, size=length))
        X = ([None] if none_first else [newline]) + [int(c) for c in chars]
        Y = X[1:] + [newline]
        label = (f"vocabulary of {vocab_size}, n_a={n_a}, {len(X)} characters, learning_rate={lr}"
                 + ("" if none_first else ", X[0] is a character, not None"))
        label_zh = (f"词汇表大小 {vocab_size}，n_a={n_a}，{len(X)} 个字符，learning_rate={lr}"
                    + ("" if none_first else "，X[0] 是一个字符而不是 None"))
        cases.append(Case(label, (X, Y, a_prev, parameters, lr), zh=label_zh))
    return cases


def _training_names():
    """The names of the training file, as the original model read them (it opened the file itself)."""
    with open(paths.COURSE / AID / "dinos.txt") as f:
        return [line.lower().strip() for line in f.readlines()]


def model_cases():
    names = _training_names()
    chars = sorted(set("".join(names)) | {NEWLINE})
    char_to_ix = _vocabulary(chars)
    ix_to_char = list(chars)  # indexable by position like the notebook's dict (the grader sends string keys only)
    cases = []
    for num_iterations, n_a, dino_names in [(3, 4, 2), (1, 1, 1), (6, 7, 3)]:
        label = f"{num_iterations} steps, n_a={n_a}, {dino_names} sampled names"
        cases.append(Case(label, (names, ix_to_char, char_to_ix, num_iterations, n_a, dino_names, len(chars)),
                          zh=f"{num_iterations} 步，n_a={n_a}，采样 {dino_names} 个名字"))
    return cases


MISTAKES = {
    "clip": [
        Mistake("Clip every gradient: dWax, dWaa, dWya, db and dby.",
                "for gradient in [dWax, dWaa, dWya, db, dby]:", "for gradient in [dWax, dWaa, dWya]:",
                zh="裁剪每一个梯度：dWax、dWaa、dWya、db 和 dby。"),
        Mistake("The interval is [-maxValue, maxValue]: negative values are clipped at -maxValue, not 0.",
                "np.clip(gradient, -maxValue, maxValue, out=gradient)", "np.clip(gradient, 0, maxValue, out=gradient)",
                zh="区间是 [-maxValue, maxValue]：负值应裁剪到 -maxValue，而不是 0。"),
        Mistake("np.clip returns a new array: pass out=gradient (or assign its result), else nothing is clipped.",
                "np.clip(gradient, -maxValue, maxValue, out=gradient)", "np.clip(gradient, -maxValue, maxValue)",
                zh="np.clip 返回一个新数组：要传入 out=gradient（或者把它的结果赋值回去），否则什么也没有被裁剪。"),
        Mistake("Use the maxValue argument, not a fixed number.",
                "np.clip(gradient, -maxValue, maxValue, out=gradient)", "np.clip(gradient, -10, 10, out=gradient)",
                zh="使用参数 maxValue，而不是一个固定的数。"),
        Mistake("Clip to [-maxValue, maxValue], not to [-maxValue/2, maxValue/2].",
                "np.clip(gradient, -maxValue, maxValue, out=gradient)",
                "np.clip(gradient, -maxValue / 2, maxValue / 2, out=gradient)",
                zh="裁剪到 [-maxValue, maxValue]，而不是 [-maxValue/2, maxValue/2]。"),
    ],
    "sample": [
        Mistake("Draw the index at random with np.random.choice(range(vocab_size), p=y.ravel()); "
                "np.argmax always takes the most likely character.",
                "idx = np.random.choice(range(vocab_size), p=y.ravel())", "idx = int(np.argmax(y))",
                zh="用 np.random.choice(range(vocab_size), p=y.ravel()) 随机抽取索引；np.argmax 总是取最可能的字符。"),
        Mistake("Seed with np.random.seed(counter + seed) right before every draw, not once before the loop.",
                "np.random.seed(counter + seed)", "np.random.seed(seed) if counter == 0 else None",
                zh="在每次抽取之前紧接着用 np.random.seed(counter + seed) 设置种子，而不是只在循环之前设置一次。"),
        Mistake("Increase seed by 1 at every step (seed += 1): the draws use counter + seed.",
                "        seed += 1\n", "",
                zh="每一步都把 seed 加 1（seed += 1）：抽取用的种子是 counter + seed。"),
        Mistake("x must become the one-hot vector of the sampled character: reset it to zeros before "
                "setting x[idx] = 1.",
                "x = np.zeros((vocab_size, 1))\n        x[idx] = 1", "x[idx] = 1",
                zh="x 必须变成采样所得字符的 one-hot 向量：在设置 x[idx] = 1 之前先把它重置为全零。"),
        Mistake("Carry the hidden state forward: a_prev = a at the end of each step.",
                "        a_prev = a\n", "",
                zh="把隐藏状态传到下一步：在每一步结束时令 a_prev = a。"),
        Mistake("When 50 characters were drawn, append the newline index to end the name.",
                "    if counter == 50:\n        indices.append(char_to_ix[\"\\n\"])\n", "",
                zh="抽满 50 个字符时，追加换行符的索引来结束这个名字。"),
        Mistake("Stop after 50 characters: the loop condition is counter != 50.",
                "counter != 50:", "counter != 49:",
                zh="抽满 50 个字符后停止：循环条件是 counter != 50。"),
        Mistake("Stop after 50 characters: the loop condition is counter != 50, not 51.",
                "counter != 50:", "counter != 51:",
                zh="抽满 50 个字符后停止：循环条件是 counter != 50，而不是 51。"),
        Mistake("The newline's index is char_to_ix[\"\\n\"]; do not assume it is 0.",
                "newline_character = char_to_ix[\"\\n\"]", "newline_character = 0",
                zh="换行符的索引是 char_to_ix[\"\\n\"]；不要假定它是 0。"),
    ],
    "optimize": [
        Mistake("Clip the gradients to [-5, 5] with clip(gradients, 5) before updating and returning them.",
                "gradients = clip(gradients, 5)", "gradients = gradients",
                zh="在更新参数和返回梯度之前，先用 clip(gradients, 5) 把梯度裁剪到 [-5, 5]。"),
        Mistake("The gradients are clipped at 5: clip(gradients, 5).",
                "gradients = clip(gradients, 5)", "gradients = clip(gradients, 10)",
                zh="梯度的裁剪界限是 5：clip(gradients, 5)。"),
        Mistake("clip returns the clipped gradients: keep its result (gradients = clip(gradients, 5)).",
                "gradients = clip(gradients, 5)", "clip(gradients, 5)",
                zh="clip 返回裁剪后的梯度：保留它的结果（gradients = clip(gradients, 5)）。"),
        Mistake("Update the parameters with the clipped gradients: clip first, then update_parameters.",
                "    gradients = clip(gradients, 5)\n    parameters = update_parameters(parameters, gradients, learning_rate)\n",
                "    parameters = update_parameters(parameters, gradients, learning_rate)\n    gradients = clip(gradients, 5)\n",
                zh="用裁剪后的梯度更新参数：先 clip，再 update_parameters。"),
        Mistake("Update with the learning_rate argument, not a fixed number.",
                "update_parameters(parameters, gradients, learning_rate)", "update_parameters(parameters, gradients, 0.01)",
                zh="用参数 learning_rate 更新，而不是一个固定的数。"),
        Mistake("optimize trains: update the parameters with update_parameters(parameters, gradients, learning_rate).",
                "    parameters = update_parameters(parameters, gradients, learning_rate)\n", "",
                zh="optimize 的任务是训练：用 update_parameters(parameters, gradients, learning_rate) 更新参数。"),
        Mistake("Return the hidden state of the last character, a[len(X) - 1].",
                "a[len(X) - 1]", "a[len(X)]",
                zh="返回最后一个字符的隐藏状态 a[len(X) - 1]。"),
        Mistake("Return the loss as rnn_forward computes it (the sum over the characters), not its mean.",
                "    return loss, gradients, a[len(X) - 1]", "    return loss / len(X), gradients, a[len(X) - 1]",
                zh="按 rnn_forward 的算法返回损失（各字符损失之和），而不是它的平均值。"),
    ],
    "model": [
        Mistake("Shuffle the examples (np.random.seed(0), then np.random.shuffle(examples)) before training.",
                "    np.random.shuffle(examples)\n", "",
                zh="训练之前先打乱样本（先 np.random.seed(0)，再 np.random.shuffle(examples)）。"),
        Mistake("Shuffle with np.random.seed(0), the given seed.",
                "    np.random.seed(0)\n", "    np.random.seed(1)\n",
                zh="用给定的种子 np.random.seed(0) 打乱。"),
        Mistake("Train on example j % len(examples) at step j, not always on the first one.",
                "idx = j % len(examples)", "idx = 0",
                zh="第 j 步在第 j % len(examples) 个样本上训练，而不是总在第一个样本上训练。"),
        Mistake("X starts with None (the zero input): X = [None] + [char_to_ix[ch] for ch in the example].",
                "X = [None] + [char_to_ix[ch] for ch in single_example]",
                "X = [char_to_ix[ch] for ch in single_example]",
                zh="X 以 None（零输入）开头：X = [None] + [char_to_ix[ch] for ch in the example]（对样本的每个字符 ch）。"),
        Mistake("Keep the hidden state that optimize returns as a_prev for the next example.",
                "curr_loss, gradients, a_prev = optimize(", "curr_loss, gradients, _ = optimize(",
                zh="把 optimize 返回的隐藏状态保留为 a_prev，供下一个样本使用。"),
        Mistake("Y is X shifted by one, ended by the newline: Y = X[1:] + [char_to_ix[\"\\n\"]].",
                "Y = X[1:] + [char_to_ix[\"\\n\"]]", "Y = X[1:]",
                zh="Y 是 X 错开一位、并以换行符结尾：Y = X[1:] + [char_to_ix[\"\\n\"]]。"),
    ],
}
