import yaml, json, sys
src, out, title = sys.argv[1], sys.argv[2], sys.argv[3]
ops = [a.split(':') for a in sys.argv[4:]]   # path:method
spec = yaml.safe_load(open(src))
DROP = {'description', 'example', 'examples', 'summary', 'title', 'x-oaiMeta', 'x-stainless-const',
        'x-oaiExpandable', 'x-oaiTypeLabel', 'x-code-samples', 'x-order', 'deprecated', 'x-unionDisplay', 'x-oaiDocs'}
def strip(node, in_props=False):
    if isinstance(node, dict):
        res = {}
        for k, v in node.items():
            if not in_props and (k in DROP or k.startswith('x-')):
                continue
            res[k] = strip(v, in_props=(k in ('properties', 'patternProperties', 'schemas', 'parameters', 'responses', 'content', 'encoding') and not in_props))
        return res
    if isinstance(node, list):
        return [strip(x) for x in node]
    return node
refs = set()
def collect(node):
    if isinstance(node, dict):
        for k, v in node.items():
            if k == '$ref' and isinstance(v, str) and v.startswith('#/components/'):
                if v not in refs:
                    refs.add(v)
                    _, _, kind, name = v.split('/')
                    collect(spec['components'][kind][name])
            else:
                collect(v)
    elif isinstance(node, list):
        for x in node:
            collect(x)
paths = {}
for path, method in ops:
    op = spec['paths'][path][method]
    paths.setdefault(path, {})[method] = op
    collect(op)
comps = {}
for r in sorted(refs):
    _, _, kind, name = r.split('/')
    comps.setdefault(kind, {})[name] = spec['components'][kind][name]
trimmed = {'openapi': spec['openapi'], 'info': {'title': title, 'version': spec['info']['version']},
           'paths': strip(paths), 'components': strip(comps)}
json.dump(trimmed, open(out, 'w'), indent=1, sort_keys=False)
print(out, len(refs), 'components')
