#!/usr/bin/env python3
"""Deterministic synthetic orchestrator-core projects for the benchmarks.

    bench/generate.py --size N [--seed S] [--files F] --out DIR

writes, for size N (the same size and seed always give the same files):

- DIR/models: a 5.x-style model tree: N product names (a registry with two names per class, fixed inputs `speed`
  (an enum) and `ports`), 2N product blocks with nested relations (single, optional, union, constrained list),
  15N resource types, spread over F Python files (default N/2);
- DIR/inputs-empty.json: the --inputs that answer every question of planning the models against an empty catalogue;
- DIR/catalogue.sql: the matching catalogue for PostgreSQL (load after orchestrator-core's schema and core data),
  with 5 subscriptions per product and about 1,000·N subscription instances with values;
- DIR/models-changed: the models after a handful of every kind of change (a new product, a removed product, a new
  fixed input, a renamed resource type, a new resource type on blocks that have instances, a new and a removed
  block relation, a new block), and DIR/inputs-changed.json / DIR/updates-changed.json that answer its questions.
"""
import argparse
import hashlib
import json
import os
import random

HEADER = (
    "from typing import Annotated\n\n"
    "from annotated_types import Len\n"
    "from orchestrator.core.domain.base import ProductBlockModel, SubscriptionModel\n"
    "from orchestrator.core.types import SI, SubscriptionLifecycle, strEnum\n\n"
    "ListOfMembers = Annotated[list[SI], Len(min_length=1, max_length=8)]\n\n"
)


def uuid(text):
    h = hashlib.md5(text.encode()).hexdigest()
    return f"{h[0:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:32]}"


def q(text):
    return "'" + text.replace("'", "''") + "'"


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(text)


class Project:
    """The model set as data: blocks with resource types and child relations, product classes, the registry."""

    def __init__(self, size, seed, files):
        rng = random.Random(seed)
        self.size = size
        self.block_count = 2 * size
        self.class_count = max(1, size // 2)
        per_block = 15 * size // self.block_count
        self.block_files = max(1, files * 2 // 3)
        self.product_files = max(1, files - self.block_files)
        self.blocks = []  # dicts: name, cls, rts [(name, annotation)], children [(attr, [targets], shape)]
        rt = 0
        for b in range(self.block_count):
            rts = []
            for _ in range(per_block + (1 if b % 2 else 0)):
                rts.append((f"rt_{rt}", rng.choice(["int", "str", "bool", "int | None", "str | None", "list[int]"])))
                rt += 1
            children = []
            # b+1: every block is reachable from product 0; blocks only depend on higher indexes (no cycles).
            for n, c in enumerate(c for c in (b + 1, b + 2 + rng.randrange(11)) if c < self.block_count):
                shape = rng.choice(["single", "optional", "union", "list"])
                if shape == "union" and c + 1 >= self.block_count:
                    shape = "single"
                targets = [c, c + 1] if shape == "union" else [c]
                children.append((f"child_{n}", targets, shape))
            self.blocks.append({"index": b, "name": f"Block {b}", "cls": f"Block{b}", "rts": rts, "children": children})
        self.resource_type_count = rt
        self.classes = []
        for p in range(self.class_count):
            root = 0 if p == 0 else rng.randrange(self.block_count)
            self.classes.append({"index": p, "cls": f"Product{p}", "root": root, "extra_inputs": []})
        self.registry = []  # (product name, class index)
        for p in range(self.class_count):
            for variant in "AB":
                if len(self.registry) < size:
                    self.registry.append((f"Product {p} {variant}", p))

    def block_file(self, b):
        # Contiguous ranges: blocks only depend on higher indexes, so a file imports only later files and the
        # project has no circular import (Python would refuse one).
        return b * self.block_files // self.block_count if b < self.block_count else 0

    # ----- Python models -------------------------------------------------------------------------------------

    def annotation(self, targets, shape, inactive):
        names = [self.blocks[t]["cls"] + ("Inactive" if inactive else "") for t in targets]
        if shape == "single":
            return names[0], ""
        if shape == "optional":
            return f"{names[0]} | None", " = None"
        if shape == "union":
            return " | ".join(names), ""
        return f"ListOfMembers[{names[0]}]", ""

    def write_models(self, out):
        sources = [[] for _ in range(self.block_files)]
        imports = [set() for _ in range(self.block_files)]
        for block in self.blocks:
            f = self.block_file(block["index"])
            for variant in ("Inactive", ""):
                inactive = variant == "Inactive"
                lines = []
                for name, kind in block["rts"]:
                    if inactive and "list" not in kind:
                        lines.append(f"    {name}: {kind.replace(' | None', '')} | None = None")
                    else:
                        lines.append(f"    {name}: {kind}")
                for attr, targets, shape in block["children"]:
                    text, default = self.annotation(targets, shape, inactive)
                    lines.append(f"    {attr}: {text}{default}")
                    for t in targets:
                        if self.block_file(t) != f:
                            imports[f].add((self.block_file(t), self.blocks[t]["cls"] + ("Inactive" if inactive else "")))
                if inactive:
                    header = f"class {block['cls']}Inactive(ProductBlockModel, product_block_name=\"{block['name']}\"):\n"
                else:
                    header = f"class {block['cls']}({block['cls']}Inactive, lifecycle=[SubscriptionLifecycle.ACTIVE]):\n"
                sources[f].append(header + ("\n".join(lines) if lines else "    pass") + "\n\n\n")
        for f in range(self.block_files):
            text = "".join(f"from products.product_blocks.blocks_{o} import {n}\n" for o, n in sorted(imports[f]) if o != f)
            write(os.path.join(out, "products/product_blocks", f"blocks_{f}.py"), HEADER + text + "\n\n" + "".join(sources[f]))

        psources = [[] for _ in range(self.product_files)]
        pimports = [set() for _ in range(self.product_files)]
        for cls in self.classes:
            f = cls["index"] % self.product_files
            root = cls["root"]
            pimports[f].update({(self.block_file(root), f"Block{root}"), (self.block_file(root), f"Block{root}Inactive")})
            extra = "".join(f"    {name}: {kind}\n" for name, kind in cls["extra_inputs"])
            p = cls["index"]
            psources[f].append(
                f"class Speed{p}(strEnum):\n    slow = \"slow\"\n    fast = \"fast\"\n\n\n"
                f"class Product{p}Inactive(SubscriptionModel, is_base=True):\n"
                f"    speed: Speed{p}\n    ports: int\n    root: Block{root}Inactive\n\n\n"
                f"class Product{p}(Product{p}Inactive, lifecycle=[SubscriptionLifecycle.ACTIVE]):\n"
                f"    speed: Speed{p}\n    ports: int\n{extra}    root: Block{root}\n\n\n")
        for f in range(self.product_files):
            text = "".join(f"from products.product_blocks.blocks_{o} import {n}\n" for o, n in sorted(pimports[f]))
            write(os.path.join(out, "products/product_types", f"products_{f}.py"), HEADER + text + "\n\n" + "".join(psources[f]))

        lines = ["from orchestrator.core.domain import SUBSCRIPTION_MODEL_REGISTRY\n"]
        for f in range(self.product_files):
            names = sorted({f"Product{c}" for _, c in self.registry if c % self.product_files == f})
            if names:
                lines.append(f"from products.product_types.products_{f} import (\n" + "".join(f"    {n},\n" for n in names) + ")\n")
        lines.append("\nSUBSCRIPTION_MODEL_REGISTRY.update(\n    {\n")
        lines += [f"        \"{name}\": Product{c},\n" for name, c in self.registry]
        lines.append("    }\n)\n")
        write(os.path.join(out, "products/__init__.py"), "".join(lines))
        write(os.path.join(out, "products/product_blocks/__init__.py"), "")
        write(os.path.join(out, "products/product_types/__init__.py"), "")

    # ----- catalogue SQL -------------------------------------------------------------------------------------

    def write_catalogue(self, path):
        s = ["-- Generated by bench/generate.py: the catalogue of DIR/models, loaded after orchestrator-core's schema",
             "-- and core data, with 5 subscriptions per product and about 1,000 instances per product.",
             "BEGIN;", "SET client_min_messages = warning;"]
        rows = [f"({q(uuid('product:' + n))}, {q(n)}, {q(n + ' product')}, 'Product{c}', 'BENCH', 'active')" for n, c in self.registry]
        s.append("INSERT INTO products (product_id, name, description, product_type, tag, status) VALUES\n  " + ",\n  ".join(rows) + ";")
        rows = []
        for n, _ in self.registry:
            rows.append(f"({q(uuid('fi:' + n + ':speed'))}, 'speed', 'fast', {q(uuid('product:' + n))})")
            rows.append(f"({q(uuid('fi:' + n + ':ports'))}, 'ports', '4', {q(uuid('product:' + n))})")
        s.append("INSERT INTO fixed_inputs (fixed_input_id, name, value, product_id) VALUES\n  " + ",\n  ".join(rows) + ";")
        rows = [f"({q(uuid('block:' + b['name']))}, {q(b['name'])}, {q(b['name'])}, 'B', 'active')" for b in self.blocks]
        s.append("INSERT INTO product_blocks (product_block_id, name, description, tag, status) VALUES\n  " + ",\n  ".join(rows) + ";")
        rows = [f"({q(uuid('rt:' + name))}, {q(name)}, {q('Resource type ' + name[3:])})" for b in self.blocks for name, _ in b["rts"]]
        s.append("INSERT INTO resource_types (resource_type_id, resource_type, description) VALUES\n  " + ",\n  ".join(rows) + ";")
        rows = [f"({q(uuid('block:' + b['name']))}, {q(uuid('rt:' + name))})" for b in self.blocks for name, _ in b["rts"]]
        s.append("INSERT INTO product_block_resource_types (product_block_id, resource_type_id) VALUES\n  " + ",\n  ".join(rows) + ";")
        relations = {}
        for b in self.blocks:
            for _, targets, shape in b["children"]:
                for t in targets:
                    bounds = ("1", "8") if shape == "list" else ("NULL", "NULL")
                    relations[(b["index"], t)] = bounds
        rows = [f"({q(uuid('block:Block ' + str(u)))}, {q(uuid('block:Block ' + str(d)))}, {mn}, {mx})" for (u, d), (mn, mx) in sorted(relations.items())]
        s.append("INSERT INTO product_block_relations (in_use_by_id, depends_on_id, min, max) VALUES\n  " + ",\n  ".join(rows) + ";")
        rows = [f"({q(uuid('product:' + n))}, {q(uuid('block:Block ' + str(self.classes[c]['root'])))})" for n, c in self.registry]
        s.append("INSERT INTO product_product_blocks (product_id, product_block_id) VALUES\n  " + ",\n  ".join(rows) + ";")
        # Subscriptions and instances, set-based: numbered helper tables, then generate_series.
        n_subs = 5 * len(self.registry)
        n_instances = 1000 * self.size
        s += [
            "CREATE TEMP TABLE bench_products AS SELECT row_number() OVER (ORDER BY name) - 1 AS n, product_id FROM products WHERE tag = 'BENCH';",
            "CREATE TEMP TABLE bench_blocks AS SELECT row_number() OVER (ORDER BY name) - 1 AS n, product_block_id FROM product_blocks WHERE tag = 'B';",
            f"INSERT INTO subscriptions (subscription_id, description, status, product_id, customer_id, insync) "
            f"SELECT md5('subscription:' || g)::uuid, 'subscription ' || g, 'active', p.product_id, 'customer ' || (g % 97), true "
            f"FROM generate_series(0, {n_subs - 1}) g JOIN bench_products p ON p.n = g % {len(self.registry)};",
            "CREATE TEMP TABLE bench_subscriptions AS SELECT row_number() OVER (ORDER BY subscription_id) - 1 AS n, subscription_id FROM subscriptions;",
            f"INSERT INTO subscription_instances (subscription_instance_id, subscription_id, product_block_id) "
            f"SELECT md5('instance:' || g)::uuid, s.subscription_id, b.product_block_id "
            f"FROM generate_series(0, {n_instances - 1}) g JOIN bench_subscriptions s ON s.n = g % {n_subs} JOIN bench_blocks b ON b.n = g % {self.block_count};",
            "INSERT INTO subscription_instance_values (subscription_instance_id, resource_type_id, value) "
            "SELECT si.subscription_instance_id, r.resource_type_id, 'value' FROM subscription_instances si "
            "JOIN LATERAL (SELECT resource_type_id FROM product_block_resource_types t WHERE t.product_block_id = si.product_block_id ORDER BY resource_type_id LIMIT 2) r ON true;",
            "COMMIT;", "ANALYZE;",
        ]
        write(path, "\n".join(s) + "\n")

    # ----- answers -------------------------------------------------------------------------------------------

    def empty_inputs(self):
        inputs = {}
        for name, _ in self.registry:
            inputs[name] = {"description": f"{name} product", "tag": "BENCH", "speed": "fast", "ports": "4"}
        for b in self.blocks:
            inputs[b["name"]] = {"description": b["name"], "tag": "B"}
            for name, _ in b["rts"]:
                inputs[name] = {"description": "Resource type " + name[3:]}
        return inputs

    def change(self):
        """A handful of every kind of change; returns (inputs, updates) that answer the plan's questions."""
        inputs, updates = {}, {"resource_types": {}}
        last = self.block_count - 1
        # a removed product (the last registry name) and a new one
        self.registry.pop()
        self.registry.append(("Product new A", 0))
        inputs["Product new A"] = {"description": "A new product", "tag": "NEW", "speed": "fast", "ports": "8", "colour": "blue"}
        # a new fixed input on every product of class 0
        self.classes[0]["extra_inputs"].append(("colour", "str"))
        for name, c in self.registry:
            if c == 0:
                inputs.setdefault(name, {})["colour"] = "red" if name != "Product new A" else "blue"
        # a renamed resource type
        block0 = self.blocks[0]
        old, kind = block0["rts"][0]
        block0["rts"][0] = (old + "_renamed", kind)
        updates["resource_types"][old] = old + "_renamed"
        # a new resource type on a block that has instances (every block has), with a default value
        self.blocks[1]["rts"].append(("rt_new", "int | None"))
        inputs["rt_new"] = {"description": "A new resource type", "value": "0"}
        # a new block relation and a removed one
        self.blocks[2]["children"].append(("extra", [last], "optional"))
        removed = self.blocks[3]["children"].pop()
        # a new block, used by block 4
        self.blocks.append({"index": self.block_count, "name": "Block new", "cls": "BlockNew",
                            "rts": [("rt_new_block", "str | None")], "children": []})
        self.blocks[4]["children"].append(("new_child", [self.block_count], "optional"))
        inputs["Block new"] = {"description": "A new block", "tag": "NEW"}
        inputs["rt_new_block"] = {"description": "The new block's resource type", "value": "x"}
        return inputs, updates, removed


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", type=int, required=True)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--files", type=int)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    files = args.files or max(1, args.size // 2)
    project = Project(args.size, args.seed, files)
    project.write_models(os.path.join(args.out, "models"))
    write(os.path.join(args.out, "inputs-empty.json"), json.dumps(project.empty_inputs(), indent=1, sort_keys=True) + "\n")
    project.write_catalogue(os.path.join(args.out, "catalogue.sql"))
    inputs, updates, _ = project.change()
    project.block_count += 1
    project.write_models(os.path.join(args.out, "models-changed"))
    write(os.path.join(args.out, "inputs-changed.json"), json.dumps(inputs, indent=1, sort_keys=True) + "\n")
    write(os.path.join(args.out, "updates-changed.json"), json.dumps(updates, indent=1, sort_keys=True) + "\n")


if __name__ == "__main__":
    main()
