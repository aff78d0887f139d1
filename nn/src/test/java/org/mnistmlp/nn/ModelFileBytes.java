package org.mnistmlp.nn;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/** Builds model files by hand, for tests of what the reader refuses. */
final class ModelFileBytes {
    private ModelFileBytes() {}

    /** A version-2 file with this header and these parameters, and a correct checksum. */
    static byte[] v2(String headerJson, float... parameters) {
        byte[] json = headerJson.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(12 + json.length + 4 * parameters.length + 4);
        b.putInt(ModelFile.MAGIC).putInt(2).putInt(json.length).put(json);
        for (float p : parameters) {
            b.putFloat(p);
        }
        CRC32 crc = new CRC32();
        crc.update(b.array(), 0, b.position());
        b.putInt((int) crc.getValue());
        return b.array();
    }

    /** The header of a network with these sizes and activation, with no metadata. */
    static String header(String inputs, String hidden, String classes, String activation) {
        return "{\"architecture\":{\"inputs\":\"" + inputs + "\",\"hidden\":\"" + hidden + "\",\"classes\":\"" + classes
                + "\",\"activation\":\"" + activation + "\"},\"metadata\":{}}";
    }
}
