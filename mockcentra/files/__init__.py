"""Files mockcentra serves over HTTP: product images, attribute files and colour swatches."""
