from coffeechat.cli import main

raise SystemExit(main())
