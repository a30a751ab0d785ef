package org.lptem.io;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.nio.ByteBuffer;

/**
 * Releases a memory-mapped buffer at once instead of when the garbage collector gets to it. Without that, a file
 * stays mapped (and on Windows cannot be deleted or replaced) for an unknown time, so mapping is used only where this
 * works: {@code sun.misc.Unsafe.invokeCleaner}, present in every JDK since 9, found reflectively; under OSGi it is
 * reached through boot delegation and may be missing, in which case plain reads are used.
 */
final class Unmapper {
    private static final MethodHandle INVOKE_CLEANER = find();

    private Unmapper() {
    }

    private static MethodHandle find() {
        try {
            Class<?> unsafeClass = Class.forName("sun.misc.Unsafe");
            Field theUnsafe = unsafeClass.getDeclaredField("theUnsafe");
            theUnsafe.setAccessible(true);
            Object unsafe = theUnsafe.get(null);
            return MethodHandles.lookup().findVirtual(unsafeClass, "invokeCleaner",
                    MethodType.methodType(void.class, ByteBuffer.class)).bindTo(unsafe);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return null;
        }
    }

    static boolean available() {
        return INVOKE_CLEANER != null;
    }

    /** Unmaps {@code mapped}; it must not be touched afterwards (nor any view of it). */
    static void unmap(ByteBuffer mapped) {
        try {
            INVOKE_CLEANER.invokeExact(mapped);
        } catch (Throwable e) {
            // still unmapped by the garbage collector later; nothing is lost but promptness
        }
    }
}
