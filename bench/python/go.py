# go: a small Go engine on a 9 x 9 board. Each move is chosen by UCT (Monte Carlo tree search
# with the UCB1 rule) over random playouts; the playouts never fill their own eyes. The
# randomness is a small LCG written here, so the game is the same on every run. Prints the
# final board and its area score.
import math

SIZE = 9
KOMI = 7.5
MOVES = 6
PLAYOUTS = 250

EMPTY, BLACK, WHITE, EDGE = 0, 1, 2, 3
STRIDE = SIZE + 2
PASS = -1


class Rng:
    def __init__(self, seed):
        self.state = seed

    def below(self, n):
        self.state = (self.state * 1103515245 + 12345) & 0x7FFFFFFF
        return (self.state >> 8) % n


def opponent(color):
    return BLACK + WHITE - color


POINTS = [(r + 1) * STRIDE + (c + 1) for r in range(SIZE) for c in range(SIZE)]


class Board:
    def __init__(self):
        self.cells = [EDGE] * (STRIDE * STRIDE)
        for p in POINTS:
            self.cells[p] = EMPTY
        self.to_move = BLACK
        self.ko = None
        self.passes = 0
        self.moves = 0

    def copy(self):
        b = Board.__new__(Board)
        b.cells = self.cells[:]
        b.to_move = self.to_move
        b.ko = self.ko
        b.passes = self.passes
        b.moves = self.moves
        return b

    def has_liberty(self, start):
        """Whether the group at `start` touches an empty point (stops at the first one)."""
        cells = self.cells
        color = cells[start]
        stack = [start]
        seen = {start}
        while stack:
            p = stack.pop()
            for q in (p - 1, p + 1, p - STRIDE, p + STRIDE):
                c = cells[q]
                if c == EMPTY:
                    return True
                if c == color and q not in seen:
                    seen.add(q)
                    stack.append(q)
        return False

    def remove_group(self, start):
        """Remove the group at `start` from the board; return how many stones it had."""
        cells = self.cells
        color = cells[start]
        cells[start] = EMPTY
        stack = [start]
        removed = 0
        while stack:
            p = stack.pop()
            removed += 1
            for q in (p - 1, p + 1, p - STRIDE, p + STRIDE):
                if cells[q] == color:
                    cells[q] = EMPTY
                    stack.append(q)
        return removed

    def is_eye(self, p, color):
        cells = self.cells
        for q in (p - 1, p + 1, p - STRIDE, p + STRIDE):
            c = cells[q]
            if c != color and c != EDGE:
                return False
        return True

    def legal(self, p):
        """Cheap legality test: not ko, and the stone would have or gain a liberty."""
        if p == self.ko:
            return False
        cells = self.cells
        color = self.to_move
        other = opponent(color)
        for q in (p - 1, p + 1, p - STRIDE, p + STRIDE):
            c = cells[q]
            if c == EMPTY:
                return True
        cells[p] = color
        ok = False
        for q in (p - 1, p + 1, p - STRIDE, p + STRIDE):
            c = cells[q]
            if c == other and not self.has_liberty(q):
                ok = True
                break
            if c == color and self.has_liberty(q):
                ok = True
                break
        cells[p] = EMPTY
        return ok

    def play(self, p):
        color = self.to_move
        self.moves += 1
        if p == PASS:
            self.passes += 1
            self.ko = None
            self.to_move = opponent(color)
            return
        self.passes = 0
        cells = self.cells
        other = opponent(color)
        cells[p] = color
        captured = 0
        last_captured = None
        for q in (p - 1, p + 1, p - STRIDE, p + STRIDE):
            if cells[q] == other and not self.has_liberty(q):
                captured += self.remove_group(q)
                last_captured = q
        self.ko = None
        if captured == 1:
            alone = True
            for q in (p - 1, p + 1, p - STRIDE, p + STRIDE):
                if cells[q] == color:
                    alone = False
            if alone:
                self.ko = last_captured
        self.to_move = other

    def candidate_moves(self):
        color = self.to_move
        cells = self.cells
        return [p for p in POINTS if cells[p] == EMPTY and not self.is_eye(p, color) and self.legal(p)]

    def random_move(self, rng):
        cells = self.cells
        color = self.to_move
        empties = [p for p in POINTS if cells[p] == EMPTY]
        n = len(empties)
        while n:
            i = rng.below(n)
            p = empties[i]
            if not self.is_eye(p, color) and self.legal(p):
                return p
            n -= 1
            empties[i] = empties[n]
        return PASS

    def score(self):
        """Area score from Black's point of view (stones plus surrounded empty points)."""
        cells = self.cells
        black = white = 0
        for p in POINTS:
            c = cells[p]
            if c == BLACK:
                black += 1
            elif c == WHITE:
                white += 1
            else:
                around = set()
                for q in (p - 1, p + 1, p - STRIDE, p + STRIDE):
                    around.add(cells[q])
                around.discard(EDGE)
                if around == {BLACK}:
                    black += 1
                elif around == {WHITE}:
                    white += 1
        return black - white - KOMI

    def show(self):
        chars = {EMPTY: ".", BLACK: "X", WHITE: "O"}
        lines = []
        for r in range(SIZE):
            row = [chars[self.cells[(r + 1) * STRIDE + c + 1]] for c in range(SIZE)]
            lines.append("%d %s" % (SIZE - r, " ".join(row)))
        lines.append("  " + " ".join("ABCDEFGHJ"[:SIZE]))
        return "\n".join(lines)


def point_name(p):
    if p == PASS:
        return "pass"
    r, c = divmod(p, STRIDE)
    return "%s%d" % ("ABCDEFGHJ"[c - 1], SIZE - (r - 1))


class Node:
    def __init__(self, move, parent, board):
        self.move = move
        self.parent = parent
        self.children = []
        self.untried = board.candidate_moves() or [PASS]
        self.wins = 0.0
        self.visits = 0
        self.player = opponent(board.to_move)  # the player who made `move`

    def select_child(self):
        log_n = math.log(self.visits)
        best = None
        best_value = -1.0
        for child in self.children:
            value = child.wins / child.visits + 1.2 * math.sqrt(log_n / child.visits)
            if value > best_value:
                best_value = value
                best = child
        return best


def playout(board, rng):
    limit = 3 * SIZE * SIZE
    while board.passes < 2 and board.moves < limit:
        board.play(board.random_move(rng))
    return board.score()


def uct_move(board, playouts, rng):
    root = Node(None, None, board)
    for _ in range(playouts):
        node = root
        b = board.copy()
        while not node.untried and node.children:
            node = node.select_child()
            b.play(node.move)
        if node.untried:
            i = rng.below(len(node.untried))
            move = node.untried.pop(i)
            b.play(move)
            child = Node(move, node, b)
            node.children.append(child)
            node = child
        score = playout(b, rng)
        winner = BLACK if score > 0 else WHITE
        while node is not None:
            node.visits += 1
            if node.player == winner:
                node.wins += 1
            node = node.parent
    best = max(root.children, key=lambda c: (c.visits, c.wins))
    return best.move, best.visits, best.wins


def main():
    rng = Rng(42)
    board = Board()
    for i in range(MOVES):
        move, visits, wins = uct_move(board, PLAYOUTS, rng)
        color = "black" if board.to_move == BLACK else "white"
        print("%2d %s %s (%d/%d)" % (i + 1, color, point_name(move), int(wins), visits))
        board.play(move)
    print(board.show())
    print("score now (black - white - komi): %.1f" % board.score())
    final = board.copy()
    print("one random playout from here ends with score %.1f after %d moves" % (playout(final, rng), final.moves))
    print(final.show())


main()
