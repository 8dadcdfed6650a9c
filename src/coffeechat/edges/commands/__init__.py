"""The `coffeechat` commands, each a Django management command in management/commands/.

`coffeechat.edges.cli` is the thin entry point that finds and runs them; `coffeechat manage
NAME` reaches the same commands through Django.
"""
