// Package model holds UnionBook's domain types and rules: money in fen, civil
// dates, resident ID and credit-code checks, members, units and their
// validation. It is pure Go with no I/O; storage and ui build on it.
package model
