from consistency.cli import main

raise SystemExit(main())
