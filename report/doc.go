// Package report writes the printable documents of the books: the work
// summary's figures (summary*.go, a Word document) and the yearly survey
// (survey*.go, a workbook laid out as the survey's tables).
package report
