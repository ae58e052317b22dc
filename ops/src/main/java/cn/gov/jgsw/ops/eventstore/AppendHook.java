package cn.gov.jgsw.ops.eventstore;

/**
 * A point inside an append, between reserving positions and writing the events: where a slow writer (GC pause, slow
 * network) or a crashed one leaves a gap. Tests inject delays and kills here; the platform uses {@link #NONE}.
 */
@FunctionalInterface
interface AppendHook {

    AppendHook NONE = (firstPosition, count) -> {
    };

    void positionsReserved(long firstPosition, int count);
}
