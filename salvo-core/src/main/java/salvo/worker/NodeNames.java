package salvo.worker;

import salvo.model.NodeId;

/**
 * How an adapter's workers name nodes on the wire: the adapter turns a wire id into its place in
 * the result tree, so the core never parses one.
 */
@FunctionalInterface
public interface NodeNames {
    NodeId node(String wireId);
}
