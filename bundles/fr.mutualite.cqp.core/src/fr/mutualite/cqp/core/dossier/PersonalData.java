package fr.mutualite.cqp.core.dossier;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

import com.google.gson.stream.JsonWriter;

/**
 * Everything the database holds about one candidate, as it holds it: for each table, the rows
 * that belong to the candidate (their own row, their registrations, every part of their booklets,
 * the decisions on them, their certificates, their audit trail), each row its columns' values in
 * the table's order. Values are text, numbers, booleans or {@code null}; days and times are ISO
 * text.
 */
public record PersonalData(String candidateId, SortedMap<String, List<Map<String, Object>>> tables) {

	/** Writes the data as JSON: {@code {"candidat": ID, "tables": {TABLE: [{COLUMN: value}]}}}. */
	public void writeJson(Writer out) throws IOException {
		JsonWriter json = new JsonWriter(out);
		json.setIndent("  "); //$NON-NLS-1$
		json.setSerializeNulls(true);
		json.beginObject();
		json.name("candidat").value(candidateId); //$NON-NLS-1$
		json.name("tables").beginObject(); //$NON-NLS-1$
		for (Map.Entry<String, List<Map<String, Object>>> table : tables.entrySet()) {
			json.name(table.getKey()).beginArray();
			for (Map<String, Object> row : table.getValue()) {
				json.beginObject();
				for (Map.Entry<String, Object> column : row.entrySet()) {
					json.name(column.getKey());
					switch (column.getValue()) {
					case null -> json.nullValue();
					case Boolean b -> json.value(b.booleanValue());
					case Number n -> json.value(n);
					default -> json.value(column.getValue().toString());
					}
				}
				json.endObject();
			}
			json.endArray();
		}
		json.endObject();
		json.endObject();
		json.flush();
	}
}
