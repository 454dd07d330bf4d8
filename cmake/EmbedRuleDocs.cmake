# Writes OUT, a C++ table of every docs/rules/<id>.md page under DOCS_DIR, so
# the binary carries each rule's page as its SARIF help without reading docs/
# at run time. Run by the build whenever a page changes.
file(GLOB pages ${DOCS_DIR}/*.md)
list(SORT pages)
set(text "// Generated from docs/rules/*.md by cmake/EmbedRuleDocs.cmake.\n")
foreach(page ${pages})
  get_filename_component(id ${page} NAME_WE)
  file(READ ${page} body)
  string(FIND "${body}" ")corolint_doc\"" clash)
  if(NOT clash EQUAL -1)
    message(FATAL_ERROR "${page} contains the raw string delimiter")
  endif()
  string(APPEND text "{\"${id}\", R\"corolint_doc(${body})corolint_doc\"},\n")
endforeach()
file(WRITE ${OUT}.tmp "${text}")
# Only a changed table is rewritten, so unchanged pages rebuild nothing.
configure_file(${OUT}.tmp ${OUT} COPYONLY)
