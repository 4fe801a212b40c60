"""A quick, conservative conformance check: the SHACL shapes compiled into Python checks.

pyshacl takes about 50 ms for one disclosure's graph, most of it in rdflib's SPARQL engine
and per-node bookkeeping, which made validation four fifths of a build. Nearly every graph
the pipeline makes conforms, so `kg.validate` asks this module first: `surely_conforms` is
True only when every shape certainly holds. Anything it cannot vouch for — a failing
constraint, a literal in an unusual lexical form, a comparison it does not know — sends the
graph to pyshacl, whose report is the one users see. So this check never has to reproduce
pyshacl's messages, only never say "conforms" where pyshacl would not; tests/test_shapes.py
checks that on every broken graph it has.

Supported: targets (class, with the ontology's subclasses; node; subjects-of; objects-of;
SPARQL), property shapes with an IRI path, minCount, maxCount, nodeKind, datatype,
minLength, pattern, in, hasValue, class, languageIn, minInclusive, lessThan, or, and SPARQL
constraints on node shapes (run by pyoxigraph with $this substituted, as pre-binding
requires). A shapes file using anything else compiles to None, and every graph then goes
to pyshacl.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from pyoxigraph import BlankNode, DefaultGraph, Literal, NamedNode, Quad, Store, Variable

from kg.resources import data_path

SH = "http://www.w3.org/ns/shacl#"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS_SUBCLASS_OF = "http://www.w3.org/2000/01/rdf-schema#subClassOf"
XSD = "http://www.w3.org/2001/XMLSchema#"
SHAPE_TYPES = {SH + "NodeShape", SH + "PropertyShape"}
TARGETS = {SH + "targetClass", SH + "targetNode", SH + "targetSubjectsOf",
           SH + "targetObjectsOf", SH + "target"}
ANNOTATIONS = {SH + "message", SH + "name", SH + "description", SH + "severity",
               SH + "order", SH + "group", SH + "defaultValue"}
# Lexical forms accepted without asking pyshacl: a subset of what rdflib reads as well-typed.
LEXICAL = {
    XSD + "integer": re.compile(r"[+-]?[0-9]+"),
    XSD + "nonNegativeInteger": re.compile(r"\+?[0-9]+"),
    XSD + "decimal": re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)"),
    XSD + "boolean": re.compile(r"true|false|1|0"),
    XSD + "date": re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}"),
}
NUMERIC = {XSD + "integer", XSD + "nonNegativeInteger", XSD + "decimal"}
PREBOUND_ELSEWHERE = re.compile(r"[?$](?:currentShape|shapesGraph|PATH)\b")
THIS = Variable("this")
NODE_KINDS = {"IRI": (NamedNode,), "BlankNode": (BlankNode,), "Literal": (Literal,),
              "BlankNodeOrIRI": (BlankNode, NamedNode), "BlankNodeOrLiteral": (BlankNode, Literal),
              "IRIOrLiteral": (NamedNode, Literal)}


class Unsupported(Exception):
    """The shapes use a construct this module does not evaluate."""


@dataclass
class Shape:
    """A node shape (path None: the focus node is its own value) or a property shape."""

    path: object = None
    value_checks: list[Callable] = field(default_factory=list)
    min_count: int = 0
    max_count: int | None = None
    has_values: list = field(default_factory=list)
    less_than: list = field(default_factory=list)
    properties: list[Shape] = field(default_factory=list)
    sparql: list[str] = field(default_factory=list)
    targets: list[Callable] = field(default_factory=list)


class Data:
    """One graph's triples indexed for the checks, with the ontology's class hierarchy."""

    def __init__(self, triples: list, superclasses: dict, rdf_type) -> None:
        self.triples = triples
        self.objects: dict[tuple, set] = defaultdict(set)
        self.by_predicate: dict[object, list[tuple]] = defaultdict(list)
        for s, p, o in triples:
            self.objects[(s, p)].add(o)
            self.by_predicate[p].append((s, o))
        self.superclasses = superclasses
        self.rdf_type = rdf_type
        self.instances: dict[object, set] = defaultdict(set)  # class → its SHACL instances
        for s, cls in self.by_predicate.get(rdf_type, ()):
            for each in superclasses.get(cls, (cls,)):
                self.instances[each].add(s)
        self._store = None

    def values(self, focus, path) -> set:
        return self.objects.get((focus, path), set())

    def instance_of(self, node, cls) -> bool:
        return node in self.instances.get(cls, ())

    def store(self) -> Store:
        """The triples in an in-memory pyoxigraph store, made on first use."""
        if self._store is None:
            self._store = Store()
            self._store.extend(Quad(s, p, o, DefaultGraph()) for s, p, o in self.triples)
        return self._store

    def has_rows(self, query: str, this) -> bool:
        """Whether the SELECT query has any row with $this substituted by `this`."""
        rows = self.store().query(query, substitutions={THIS: this})
        return next(iter(rows), None) is not None

    def targets(self, query: str) -> list:
        return [row["this"] for row in self.store().query(query) if row["this"] is not None]


class CompiledShapes:
    """The shapes file as checks; build with `compiled_shapes()`."""

    def __init__(self, shapes: Iterable, hierarchy: Iterable) -> None:
        self.rdf_type = NamedNode(RDF + "type")
        self.subclass_of = NamedNode(RDFS_SUBCLASS_OF)
        self.hierarchy = list(hierarchy)
        self.superclasses = closure(self.hierarchy)
        self.graph: dict[object, dict[str, list]] = defaultdict(lambda: defaultdict(list))
        for s, p, o in shapes:
            self.graph[s][p.value].append(o)
        self.compiled: dict[object, Shape] = {}
        self.shapes = [self.shape(node) for node in list(self.graph)
                       if TARGETS & set(self.graph[node])]

    def conforms(self, triples: list) -> bool:
        """True only if the triples certainly conform to every shape."""
        if any(p == self.subclass_of for _, p, _ in triples):
            return False  # the data's own class hierarchy: leave it to pyshacl
        data = Data(triples + self.hierarchy, self.superclasses, self.rdf_type)
        for shape in self.shapes:
            for target in shape.targets:
                if not all(holds(shape, focus, data) for focus in set(target(data))):
                    return False
        return True

    # --- compiling ---------------------------------------------------------------------

    def shape(self, node) -> Shape:
        if node in self.compiled:
            return self.compiled[node]
        shape = self.compiled[node] = Shape()
        for predicate, objects in self.graph[node].items():
            if predicate == RDF + "type":
                if not set(o.value for o in objects) <= SHAPE_TYPES:
                    raise Unsupported(f"{node} typed {objects}")
            elif predicate in ANNOTATIONS or not predicate.startswith(SH):
                continue
            else:
                self.constraint(shape, node, predicate.removeprefix(SH), objects)
        if shape.path is not None and shape.sparql:
            raise Unsupported("SPARQL constraints on property shapes")
        return shape

    def constraint(self, shape: Shape, node, name: str, objects: list) -> None:
        one = objects[0]
        if len(objects) > 1 and name not in {"property", "sparql", "targetClass",
                                             "targetNode", "targetSubjectsOf",
                                             "targetObjectsOf", "target", "hasValue", "flags"}:
            raise Unsupported(f"sh:{name} given twice")
        if name == "path":
            if not isinstance(one, NamedNode):
                raise Unsupported("only IRI paths")
            shape.path = one
        elif name == "property":
            shape.properties.extend(self.shape(o) for o in objects)
        elif name == "sparql":
            shape.sparql.extend(self.sparql(o) for o in objects)
        elif name.startswith("target"):
            shape.targets.extend(self.target(name, o) for o in objects)
        elif name == "minCount":
            shape.min_count = int(one.value)
        elif name == "maxCount":
            shape.max_count = int(one.value)
        elif name == "hasValue":
            shape.has_values.extend(objects)
        elif name == "lessThan":
            shape.less_than.append(one)
        elif name == "flags":
            pass  # read with sh:pattern
        else:
            shape.value_checks.append(self.value_check(name, one, node))

    def value_check(self, name: str, one, node) -> Callable:
        if name == "nodeKind":
            return node_kind(one.value.removeprefix(SH))
        if name == "datatype":
            return lambda v, _: has_datatype(v, one.value)
        if name == "minLength":
            n = int(one.value)
            return lambda v, _: not is_blank(v) and len(v.value) >= n
        if name == "pattern":
            flags = self.flags(node)
            pattern = re.compile(one.value, flags)
            return lambda v, _: not is_blank(v) and pattern.search(v.value) is not None
        if name == "in":
            allowed = set(self.rdf_list(one))
            return lambda v, _: v in allowed
        if name == "class":
            return lambda v, data: not is_literal(v) and data.instance_of(v, one)
        if name == "languageIn":
            tags = {t.value.lower() for t in self.rdf_list(one)}
            return lambda v, _: is_literal(v) and (v.language or "").lower() in tags
        if name == "minInclusive":
            least = number(one)
            if least is None:
                raise Unsupported("sh:minInclusive needs a number")
            return lambda v, _: (n := number(v)) is not None and n >= least
        if name == "or":
            members = [self.shape(m) for m in self.rdf_list(one)]
            if any(m.path is not None or m.targets for m in members):
                raise Unsupported("sh:or of property shapes")
            return lambda v, data: any(holds(m, v, data) for m in members)
        raise Unsupported(f"sh:{name}")

    def flags(self, node) -> int:
        letters = "".join(f.value for f in self.graph[node].get(SH + "flags", []))
        if set(letters) - set("imsx"):
            raise Unsupported(f"sh:flags {letters}")
        return sum(getattr(re, letter.upper()) for letter in set(letters))

    def target(self, name: str, node) -> Callable:
        if name == "targetClass":
            return lambda data: data.instances.get(node, ())
        if name == "targetNode":
            return lambda data: (node,)
        if name == "targetSubjectsOf":
            return lambda data: (s for s, _ in data.by_predicate.get(node, ()))
        if name == "targetObjectsOf":
            return lambda data: (o for _, o in data.by_predicate.get(node, ()))
        description = self.graph[node]
        if {o.value for o in description.get(RDF + "type", [])} != {SH + "SPARQLTarget"}:
            raise Unsupported("only SPARQL targets")
        query = self.query(node)
        return lambda data: data.targets(query)

    def sparql(self, node) -> str:
        types = {o.value for o in self.graph[node].get(RDF + "type", [])}
        if not types <= {SH + "SPARQLConstraint"}:
            raise Unsupported("only SPARQL constraints")
        return self.query(node)

    def query(self, node) -> str:
        """The sh:select of a SPARQL target or constraint with its sh:prefixes declared."""
        description = self.graph[node]
        known = {RDF + "type", SH + "select", SH + "prefixes", SH + "message"}
        if set(description) - known or len(description.get(SH + "select", [])) != 1:
            raise Unsupported(f"SPARQL node {node}")
        text = description[SH + "select"][0].value
        if PREBOUND_ELSEWHERE.search(text):
            raise Unsupported("pre-bound variables other than $this")
        lines = []
        for owner in description.get(SH + "prefixes", []):
            for declaration in self.graph[owner].get(SH + "declare", []):
                prefix = self.graph[declaration][SH + "prefix"][0].value
                namespace = self.graph[declaration][SH + "namespace"][0].value
                lines.append(f"PREFIX {prefix}: <{namespace}>\n")
        query = "".join(sorted(lines)) + text
        try:
            Store().query(query)
        except SyntaxError as err:
            raise Unsupported(f"SPARQL oxigraph cannot parse: {err}") from None
        return query

    def rdf_list(self, head) -> list:
        items = []
        while head.value != RDF + "nil":
            items.append(self.graph[head][RDF + "first"][0])
            head = self.graph[head][RDF + "rest"][0]
        return items


def holds(shape: Shape, focus, data: Data) -> bool:
    """Whether `focus` certainly satisfies the shape (plain loops: this runs a few thousand
    times per document)."""
    values = {focus} if shape.path is None else data.values(focus, shape.path)
    if len(values) < shape.min_count or (
            shape.max_count is not None and len(values) > shape.max_count):
        return False
    for value in values:
        for check in shape.value_checks:
            if not check(value, data):
                return False
    for value in shape.has_values:
        if value not in values:
            return False
    for other in shape.less_than:
        for value in values:
            for bound in data.values(focus, other):
                if not less(value, bound):
                    return False
    for value in values:
        for prop in shape.properties:
            if not holds(prop, value, data):
                return False
        for query in shape.sparql:
            if data.has_rows(query, value):
                return False
    return True


def node_kind(kind: str) -> Callable:
    if kind not in NODE_KINDS:
        raise Unsupported(f"sh:nodeKind {kind}")
    kinds = NODE_KINDS[kind]
    return lambda v, _: isinstance(v, kinds)


def is_blank(term) -> bool:
    return isinstance(term, BlankNode)


def is_literal(term) -> bool:
    return isinstance(term, Literal)


def has_datatype(term, datatype: str) -> bool:
    if not is_literal(term):
        return False
    if datatype == RDF + "langString":
        return bool(term.language)
    if term.language or term.datatype.value != datatype:
        return False
    if datatype == XSD + "string":
        return True
    lexical = LEXICAL.get(datatype)
    if lexical is None or not lexical.fullmatch(term.value):
        return False
    return datatype != XSD + "date" or valid_date(term.value)


def valid_date(text: str) -> bool:
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return True


def number(term) -> Decimal | None:
    """The value of an integer or decimal literal in a plain lexical form, else None."""
    if not is_literal(term) or term.language or term.datatype.value not in NUMERIC:
        return None
    if not has_datatype(term, term.datatype.value):
        return None
    try:
        return Decimal(term.value)
    except InvalidOperation:
        return None


def less(a, b) -> bool:
    x, y = number(a), number(b)
    return x is not None and y is not None and x < y


def closure(hierarchy: list) -> dict:
    """Each class → itself and all its superclasses."""
    parents: dict[object, set] = defaultdict(set)
    for s, _, o in hierarchy:
        parents[s].add(o)
    result = {}
    for cls in list(parents):
        seen, todo = {cls}, [cls]
        while todo:
            for parent in parents.get(todo.pop(), ()):
                if parent not in seen:
                    seen.add(parent)
                    todo.append(parent)
        result[cls] = frozenset(seen)
    return result


@lru_cache(maxsize=1)
def compiled_shapes() -> CompiledShapes | None:
    """The shipped shapes compiled once per process, or None if they use something this
    module does not evaluate (then every graph goes to pyshacl)."""
    from pyoxigraph import RdfFormat, parse

    from kg.validate import ONTOLOGY_FILE, SHAPES_FILE

    shapes = [(t.subject, t.predicate, t.object) for t in parse(
        path=str(data_path("shapes") / SHAPES_FILE), format=RdfFormat.TURTLE)]
    ontology = parse(path=str(data_path("ontology") / ONTOLOGY_FILE), format=RdfFormat.TURTLE)
    hierarchy = [(t.subject, t.predicate, t.object) for t in ontology
                 if t.predicate == NamedNode(RDFS_SUBCLASS_OF)
                 and isinstance(t.subject, NamedNode) and isinstance(t.object, NamedNode)]
    try:
        return CompiledShapes(shapes, hierarchy)
    except (Unsupported, KeyError, IndexError, ValueError):
        return None


def surely_conforms(triples: list) -> bool:
    """True only when the (subject, predicate, object) triples of one graph certainly
    conform to the shapes; False means "ask pyshacl", not "does not conform"."""
    compiled = compiled_shapes()
    return compiled is not None and compiled.conforms(triples)
