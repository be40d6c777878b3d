#!/usr/bin/env python3
"""The library's public items, one a line (`make public-api`): read from rustdoc's JSON output
(`cargo +nightly rustdoc --lib -- -Z unstable-options --output-format json`, which leaves out
private and `#[doc(hidden)]` items such as `pith::internal`), walked from the crate root:
modules, their items, struct fields, enum variants, and the methods and associated constants
of inherent impls. Trait impls are left out (the derives are in the docs). Prints nothing else,
so a change of the surface shows as a diff of this output."""
import json
import sys

doc = json.load(open(sys.argv[1]))
index = doc["index"]
out = []


def public(item):
    return item.get("visibility") == "public"


def kind(item):
    return next(iter(item["inner"])) if isinstance(item["inner"], dict) else item["inner"]


def walk(item_id, prefix):
    item = index.get(str(item_id))
    if item is None:
        return
    k = kind(item)
    inner = item["inner"][k]
    if k == "use":
        target = inner.get("id")
        name = inner["name"]
        if inner.get("is_glob") and str(target) in index:
            # `pub use module::*`: the module's items, at this path.
            for child in index[str(target)]["inner"]["module"]["items"]:
                walk(child, prefix)
            return
        if target is not None and str(target) in index:
            renamed = dict(index[str(target)])
            renamed["name"] = name
            walk_item(renamed, prefix)
        return
    walk_item(item, prefix)


def walk_item(item, prefix):
    k = kind(item)
    inner = item["inner"][k]
    path = f"{prefix}::{item['name']}" if prefix else item["name"]
    if k == "module":
        if prefix:
            out.append(f"mod {path}")
        for child in inner["items"]:
            walk(child, path)
        return
    out.append(f"{k} {path}" + (" #[non_exhaustive]" if any("non_exhaustive" in str(a) for a in item.get("attrs", [])) else ""))
    if k == "struct":
        fields = inner["kind"].get("plain", {}).get("fields", []) if isinstance(inner["kind"], dict) else []
        for f in fields:
            field = index[str(f)]
            if public(field):
                out.append(f"  field {path}::{field['name']}")
    if k == "enum":
        for v in inner["variants"]:
            out.append(f"  variant {path}::{index[str(v)]['name']}")
    for impl_id in inner.get("impls", []) if k in ("struct", "enum") else []:
        impl = index[str(impl_id)]["inner"]["impl"]
        if impl.get("trait") is not None:
            continue
        for m in impl["items"]:
            member = index[str(m)]
            if public(member):
                out.append(f"  {kind(member)} {path}::{member['name']}")


walk(doc["root"], "")
print("\n".join(out))
