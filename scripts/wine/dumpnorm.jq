# Normalises a `hoanhap-cli dump` for comparing two runs on the same input:
# ids (UUIDs, also inside HLC stamps), HLC wall times and record times are
# replaced by placeholders, then each table's records are sorted by their
# text (the dump sorts them by id, which differs between runs).
def norm:
  if type == "string" then
    gsub("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"; "<id>")
    | gsub("^[0-9]{13}-[0-9]{5}-"; "<hlc>-")
    | gsub("^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:.]+(Z|[+-][0-9:]+)$"; "<time>")
  else . end;
walk(norm) | map_values(if type == "array" then sort_by(tojson) else . end)
