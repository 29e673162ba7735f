"""What pages show, worked out from the records before any view is made: the
dated events in order, where glossary terms stand in a text, a source text cut
into pieces for the reader, and the trie pattern that finds many names at once."""
