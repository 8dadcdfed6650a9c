from coffeechat.edges.cli import main

raise SystemExit(main())
