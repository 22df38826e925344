# Breadth-first search on a grid maze.
maze = [
    "S.#.......",
    ".##.####.#",
    "....#....#",
    "#.#.#.##..",
    "..#...#..E",
]
rows, cols = len(maze), len(maze[0])
start = end = None
for r in range(rows):
    for c in range(cols):
        if maze[r][c] == "S":
            start = (r, c)
        elif maze[r][c] == "E":
            end = (r, c)
dist = {start: 0}
prev = {}
queue = [start]
head = 0
while head < len(queue):
    r, c = queue[head]
    head += 1
    for dr, dc in ((1, 0), (-1, 0), (0, 1), (0, -1)):
        nr, nc = r + dr, c + dc
        if 0 <= nr < rows and 0 <= nc < cols and maze[nr][nc] != "#" and (nr, nc) not in dist:
            dist[(nr, nc)] = dist[(r, c)] + 1
            prev[(nr, nc)] = (r, c)
            queue.append((nr, nc))
print("distance", dist[end])
path = set()
p = end
while p != start:
    path.add(p)
    p = prev[p]
for r in range(rows):
    print("".join("*" if (r, c) in path and maze[r][c] == "." else maze[r][c] for c in range(cols)))
