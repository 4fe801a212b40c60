"""biotech-kg: knowledge graphs from biotech disclosures.

The data flows one way, one module per stage:

    documents → sections → mentions/extract → facts → rdf → validate → store / export / queries

`kg.pipeline.build` and `kg.queries.run_saved_query` are the Python API; `kg.cli` only wires them.
"""

__version__ = "0.1.0"
