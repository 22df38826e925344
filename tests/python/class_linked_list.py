# A linked list built from node objects.
class Node:
    def __init__(self, value, next=None):
        self.value = value
        self.next = next
class LinkedList:
    def __init__(self):
        self.head = None
        self.size = 0
    def push(self, v):
        self.head = Node(v, self.head)
        self.size += 1
    def reverse(self):
        prev = None
        cur = self.head
        while cur:
            cur.next, prev, cur = prev, cur, cur.next
        self.head = prev
    def to_list(self):
        out = []
        n = self.head
        while n is not None:
            out.append(n.value)
            n = n.next
        return out
ll = LinkedList()
for i in range(6):
    ll.push(i * i)
print(ll.to_list(), ll.size)
ll.reverse()
print(ll.to_list())
