package cn.gov.jgsw.ops.support.isolation;

/**
 * One {@code ID} an operation takes, top-level ({@code id}) or inside its input ({@code input.orderId}), and the kind
 * of object it names.
 */
public record IdSlot(String path, ObjectKind kind) {
}
