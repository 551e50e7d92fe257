package ui

import "context"

// opCtx is the context of a store call made by a screen. Screens have no
// deadline of their own: a long load runs off the UI thread (see load.go)
// and the officer may leave the screen while it runs.
func opCtx() context.Context { return context.Background() }
