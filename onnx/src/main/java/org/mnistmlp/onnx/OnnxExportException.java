package org.mnistmlp.onnx;

/** A model that cannot be exported to ONNX (a layer ONNX export does not know) or a file that cannot be written. */
public final class OnnxExportException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** An error with a one-line message naming what and where. */
    public OnnxExportException(String message) {
        super(message);
    }

    /** An error with a one-line message naming what and where, and its cause. */
    public OnnxExportException(String message, Throwable cause) {
        super(message, cause);
    }
}
