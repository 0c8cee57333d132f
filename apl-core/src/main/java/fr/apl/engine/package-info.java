/**
 * The engine seam: where the weighted pairs are held and summed. {@link fr.apl.engine.Engine}
 * puts catchments on an engine and gives a {@link fr.apl.engine.Kernel}, the two batched gathers
 * (by practice and by residence) that every access method is made of; the local engine, the
 * default, is the catchments' arrays summed on threads. Another engine (Spark, in its own module)
 * is found with {@link java.util.ServiceLoader} and gives the same result to the last bit, since
 * each output cell is summed in the same order.
 */
package fr.apl.engine;
