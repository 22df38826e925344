# GCBench-style allocation benchmark: build and drop many binary trees of increasing depth
# while one long-lived tree stays alive. Prints node counts only (deterministic output).


class Node:
    __slots__ = ("left", "right")

    def __init__(self, left, right):
        self.left = left
        self.right = right


def make_tree(depth):
    if depth <= 0:
        return Node(None, None)
    return Node(make_tree(depth - 1), make_tree(depth - 1))


def count(node):
    if node.left is None:
        return 1
    return 1 + count(node.left) + count(node.right)


def main(min_depth, max_depth):
    long_lived = make_tree(max_depth)
    for depth in range(min_depth, max_depth + 1, 2):
        iterations = 2 ** (max_depth - depth + min_depth)
        total = 0
        for _ in range(iterations):
            total += count(make_tree(depth))
        print(depth, iterations, total)
    print(count(long_lived))


main(4, 14)
