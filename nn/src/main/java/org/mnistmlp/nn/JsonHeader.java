package org.mnistmlp.nn;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JSON header of a model or safetensors file, read defensively: every value's type is checked, and
 * numbers are read from their digits (never through a decimal expansion that a forged {@code 1e999999999}
 * would make huge). Every problem is a one-line {@link ModelFileException} naming the file.
 */
final class JsonHeader {
    private JsonHeader() {}

    /** Parses {@code length} bytes of UTF-8 at {@code offset} as one JSON object. */
    static JsonObject parse(byte[] bytes, int offset, int length, String file) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes, offset, length)).toString();
        } catch (CharacterCodingException e) {
            throw new ModelFileException(file + ": the header is not valid UTF-8");
        }
        JsonElement root;
        try {
            JsonReader reader = new JsonReader(new StringReader(text));
            reader.setStrictness(Strictness.STRICT);   // RFC 8259, as the safetensors reference (serde_json) reads it
            root = JsonParser.parseReader(reader);
            reader.peek();   // strict: throws unless only whitespace follows the object
        } catch (JsonParseException | IOException e) {
            throw new ModelFileException(file + ": the header is not valid JSON" + where(e), e);
        }
        return object(root, "the header", file);
    }

    /** {@code element} as an object, or an error saying that {@code what} should be one. */
    static JsonObject object(JsonElement element, String what, String file) {
        if (element == null || !element.isJsonObject()) {
            throw new ModelFileException(file + ": " + what + " is not a JSON object");
        }
        return element.getAsJsonObject();
    }

    /** The object under {@code key} as a map of strings; an absent key is an empty map. */
    static Map<String, String> strings(JsonObject parent, String key, String file) {
        Map<String, String> map = new LinkedHashMap<>();
        if (!parent.has(key)) {
            return map;
        }
        for (Map.Entry<String, JsonElement> e : object(parent.get(key), "'" + key + "'", file).entrySet()) {
            map.put(e.getKey(), string(e.getValue(), "'" + key + "." + e.getKey() + "'", file));
        }
        return map;
    }

    /** {@code element} as a string, or an error saying that {@code what} should be one. */
    static String string(JsonElement element, String what, String file) {
        if (element == null || !element.isJsonPrimitive() || !element.getAsJsonPrimitive().isString()) {
            throw new ModelFileException(file + ": " + what + " is not a string");
        }
        return element.getAsString();
    }

    /** {@code element} as an array of whole numbers from 0 to {@link Long#MAX_VALUE}. */
    static long[] naturals(JsonElement element, String what, String file) {
        if (element == null || !element.isJsonArray()) {
            throw new ModelFileException(file + ": " + what + " is not an array");
        }
        long[] values = new long[element.getAsJsonArray().size()];
        int i = 0;
        for (JsonElement v : element.getAsJsonArray()) {
            values[i++] = natural(v, what, file);
        }
        return values;
    }

    private static long natural(JsonElement v, String what, String file) {
        if (v.isJsonPrimitive() && v.getAsJsonPrimitive().isNumber()) {
            String digits = v.getAsJsonPrimitive().getAsString();
            if (digits.matches("[0-9]{1,18}")) {
                return Long.parseLong(digits);
            }
        }
        throw new ModelFileException(file + ": " + what + " holds " + abbreviated(v) + ", not a whole number from 0 to 10^18");
    }

    private static String abbreviated(JsonElement v) {
        String s = v.toString();
        return s.length() <= 20 ? s : s.substring(0, 20) + "…";
    }

    /** Where Gson found the error, e.g. " at line 1 column 124", without its advice to parse leniently. */
    private static String where(Exception e) {
        Matcher at = Pattern.compile("line \\d+ column \\d+").matcher(String.valueOf(e.getMessage()));
        return at.find() ? " at " + at.group() : "";
    }
}
