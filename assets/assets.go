// Package assets embeds the static files of Hòa Nhập that are not code:
// the made-up name lists and reference tables the demo ward is built from.
package assets

import "embed"

// Demo holds the demo-data lists under demo/: Vietnamese family, middle and
// given names, hamlets, offences with their Criminal Code articles, courts,
// prisons and the other tables package demo draws from. Each file is UTF-8
// text, one entry per line; "#" starts a comment line; weighted lists put
// the weight after a "|" (see the header of each file).
//
//go:embed demo/*
var Demo embed.FS
