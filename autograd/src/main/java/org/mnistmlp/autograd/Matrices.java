package org.mnistmlp.autograd;

/** Shape checks shared by the matrix ops. */
final class Matrices {
    private Matrices() {}

    static void requireMatrix(String op, Tensor t, String role) {
        if (t.dim() != 2) {
            throw new IllegalArgumentException(op + ": " + role + " must be a matrix, got shape " + Shapes.str(t.shape()));
        }
    }

    static void requireProduct(String op, Tensor a, Tensor b) {
        requireMatrix(op, a, "left operand");
        requireMatrix(op, b, "right operand");
        if (a.size(1) != b.size(0)) {
            throw new IllegalArgumentException(op + ": shapes " + Shapes.str(a.shape()) + " and " + Shapes.str(b.shape())
                    + " do not chain (" + a.size(1) + " != " + b.size(0) + ")");
        }
    }
}
