#!/usr/bin/env python3
"""Deterministic synthetic orchestrator-core projects for the benchmarks.

    bench/generate.py --size N [--seed S] [--files F] --out DIR

writes DIR/models: a 5.x-style model tree with N product names (registry with two names per class), 2N product
blocks with nested relations (single, optional, union, constrained list), 15N resource types, spread over F Python
files (default N/2), and DIR/inputs-empty.json, the --inputs that answer every question of planning the models
against an empty catalogue. The same size and seed always give the same files.
"""
import argparse
import os
import random


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(text)


def generate_models(size, seed, files, out):
    rng = random.Random(seed)
    blocks = 2 * size
    classes = max(1, size // 2)  # two registry names per product class
    resource_types_per_block = 15 * size // blocks  # 7 or 8 on average: 15N in all
    block_files = max(1, files * 2 // 3)
    product_files = max(1, files - block_files)

    header = (
        "from typing import Annotated, TypeVar\n\n"
        "from annotated_types import Len\n"
        "from orchestrator.core.domain.base import ProductBlockModel, SubscriptionModel\n"
        "from orchestrator.core.types import SubscriptionLifecycle, strEnum\n\n"
        "SI = TypeVar(\"SI\")\n"
        "ListOfMembers = Annotated[list[SI], Len(min_length=1, max_length=8)]\n\n"
    )

    def block_file(b):
        return b % block_files

    # Blocks depend only on blocks with a higher index (always the next one, so product 0 reaches them all).
    block_sources = [[] for _ in range(block_files)]
    block_imports = [set() for _ in range(block_files)]
    rt = 0
    for b in range(blocks):
        f = block_file(b)
        count = resource_types_per_block + (1 if b % 2 else 0)
        fields = []
        for _ in range(count):
            kind = rng.choice(["int", "str", "bool", "int | None", "str | None", "list[int]"])
            fields.append(f"    rt_{rt}: {kind}")
            rt += 1
        children = [c for c in (b + 1, b + 2 + rng.randrange(11)) if c < blocks]  # b+1: every block is reachable
        for n, c in enumerate(children):
            shape = rng.choice(["single", "optional", "union", "list"])
            name = f"Block{c}"
            if block_file(c) != f:
                block_imports[f].add((block_file(c), name))
                if shape == "union" and c + 1 < blocks:
                    block_imports[f].add((block_file(c + 1), f"Block{c + 1}"))
            if shape == "single":
                fields.append(f"    child_{n}: {name}")
            elif shape == "optional":
                fields.append(f"    child_{n}: {name} | None = None")
            elif shape == "union" and c + 1 < blocks:
                fields.append(f"    child_{n}: {name} | Block{c + 1}")
            else:
                fields.append(f"    child_{n}: ListOfMembers[{name}]")
        block_sources[f].append(
            f"class Block{b}Inactive(ProductBlockModel, product_block_name=\"Block {b}\"):\n"
            + "\n".join(line.split(":")[0] + ": " + line.split(":", 1)[1].strip().replace(" | None = None", "") + " | None = None"
                        if "ListOfMembers" not in line else line for line in fields)
            + "\n\n\n"
            f"class Block{b}(Block{b}Inactive, lifecycle=[SubscriptionLifecycle.ACTIVE]):\n"
            + "\n".join(fields) + "\n\n\n"
        )
    for f in range(block_files):
        imports = "".join(
            f"from products.product_blocks.blocks_{other} import {name}\n"
            for other, name in sorted(block_imports[f]) if other != f
        )
        write(os.path.join(out, "models/products/product_blocks", f"blocks_{f}.py"),
              header + imports + "\n\n" + "".join(block_sources[f]))

    # Products: each class has a root block, an enum fixed input and an int fixed input.
    product_sources = [[] for _ in range(product_files)]
    product_imports = [set() for _ in range(product_files)]
    registry = []
    for p in range(classes):
        f = p % product_files
        root = 0 if p == 0 else rng.randrange(blocks)
        product_imports[f].add((block_file(root), f"Block{root}"))
        product_sources[f].append(
            f"class Speed{p}(strEnum):\n    slow = \"slow\"\n    fast = \"fast\"\n\n\n"
            f"class Product{p}Inactive(SubscriptionModel, is_base=True):\n"
            f"    speed: Speed{p}\n    ports: int\n    root: Block{root}Inactive\n\n\n"
            f"class Product{p}(Product{p}Inactive, lifecycle=[SubscriptionLifecycle.ACTIVE]):\n"
            f"    speed: Speed{p}\n    ports: int\n    root: Block{root}\n\n\n"
        )
        product_imports[f].add((block_file(root), f"Block{root}Inactive"))
        for variant in range(2):
            if len(registry) < size:
                registry.append((f"Product {p} {'AB'[variant]}", f, f"Product{p}"))
    for f in range(product_files):
        imports = "".join(
            f"from products.product_blocks.blocks_{other} import {name}\n" for other, name in sorted(product_imports[f])
        )
        write(os.path.join(out, "models/products/product_types", f"products_{f}.py"),
              header + imports + "\n\n" + "".join(product_sources[f]))

    lines = ["from orchestrator.core.domain import SUBSCRIPTION_MODEL_REGISTRY\n"]
    for f in range(product_files):
        names = sorted({cls for _, file, cls in registry if file == f})
        if names:
            lines.append(f"from products.product_types.products_{f} import (\n" + "".join(f"    {n},\n" for n in names) + ")\n")
    lines.append("\nSUBSCRIPTION_MODEL_REGISTRY.update(\n    {\n")
    lines += [f"        \"{name}\": {cls},\n" for name, _, cls in registry]
    lines.append("    }\n)\n")
    write(os.path.join(out, "models/products/__init__.py"), "".join(lines))

    # Answers for planning the whole model set against an empty catalogue (everything is new).
    import json
    inputs = {}
    for name, _, _ in registry:
        inputs[name] = {"description": f"{name} product", "tag": "BENCH", "speed": "fast", "ports": "4"}
    for b in range(blocks):
        inputs[f"Block {b}"] = {"description": f"Block {b}", "tag": "B"}
    for r in range(rt):
        inputs[f"rt_{r}"] = {"description": f"Resource type {r}"}
    write(os.path.join(out, "inputs-empty.json"), json.dumps(inputs, indent=1, sort_keys=True) + "\n")
    write(os.path.join(out, "models/products/product_blocks/__init__.py"), "")
    write(os.path.join(out, "models/products/product_types/__init__.py"), "")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", type=int, required=True)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--files", type=int)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    generate_models(args.size, args.seed, args.files or max(1, args.size // 2), args.out)


if __name__ == "__main__":
    main()
