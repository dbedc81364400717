"""The Textual user interface. It presents the core and holds no reading logic of its own."""
