"""The monthly notice (月通报): its content as sections (`content`, extension point `register_section`),
the office's sentences, the Word and Excel builders, and the services that generate and publish it."""
