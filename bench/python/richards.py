# richards: Martin Richards' operating-system kernel simulation.
# A scheduler runs six tasks (idle, worker, two handlers, two devices) that exchange packets.
# Written here from the published description of the benchmark; one iteration must queue
# 23246 packets and hold tasks 9297 times.
ITERATIONS = 40

I_IDLE = 1
I_WORK = 2
I_HANDLER_A = 3
I_HANDLER_B = 4
I_DEVICE_A = 5
I_DEVICE_B = 6

KIND_DEVICE = 1000
KIND_WORK = 1001

BUFFER_SIZE = 4


class Packet:
    def __init__(self, link, ident, kind):
        self.link = link
        self.ident = ident
        self.kind = kind
        self.datum = 0
        self.data = [0] * BUFFER_SIZE

    def append_to(self, queue):
        """Append this packet at the end of the queue `queue`; return the new head."""
        self.link = None
        if queue is None:
            return self
        last = queue
        while last.link is not None:
            last = last.link
        last.link = self
        return queue


class IdleState:
    def __init__(self):
        self.control = 1
        self.count = 10000


class WorkerState:
    def __init__(self):
        self.destination = I_HANDLER_A
        self.count = 0


class HandlerState:
    def __init__(self):
        self.work_in = None
        self.device_in = None


class DeviceState:
    def __init__(self):
        self.pending = None


class Scheduler:
    def __init__(self):
        self.tasks = [None] * 10
        self.task_list = None
        self.current = None
        self.queue_count = 0
        self.hold_count = 0

    def add_task(self, task):
        task.link = self.task_list
        self.task_list = task
        self.tasks[task.ident] = task

    def find(self, ident):
        return self.tasks[ident]

    def schedule(self):
        task = self.task_list
        while task is not None:
            if task.is_held_or_suspended():
                task = task.link
            else:
                self.current = task
                task = task.run()


class Task:
    def __init__(self, sched, ident, priority, queue, state):
        self.sched = sched
        self.ident = ident
        self.priority = priority
        self.input = queue
        self.state = state
        self.link = None
        # Task status: a packet is waiting, the task waits for one, the task is held.
        self.packet_pending = queue is not None
        self.waiting = queue is not None
        self.holding = False
        sched.add_task(self)

    def is_held_or_suspended(self):
        return self.holding or (not self.packet_pending and self.waiting)

    def run(self):
        if self.packet_pending and self.waiting and not self.holding:
            packet = self.input
            self.input = packet.link
            if self.input is None:
                self.packet_pending = False
            else:
                self.packet_pending = True
            self.waiting = False
            self.holding = False
        else:
            packet = None
        return self.step(packet)

    # Kernel calls available to a running task.
    def wait(self):
        self.waiting = True
        return self

    def hold(self):
        self.sched.hold_count += 1
        self.holding = True
        return self.link

    def release(self, ident):
        other = self.sched.find(ident)
        other.holding = False
        if other.priority > self.priority:
            return other
        return self

    def send(self, packet):
        target = self.sched.find(packet.ident)
        self.sched.queue_count += 1
        packet.link = None
        packet.ident = self.ident
        return target.receive(packet, self)

    def receive(self, packet, sender):
        if self.input is None:
            self.input = packet
            self.packet_pending = True
            if self.priority > sender.priority:
                return self
        else:
            self.input = packet.append_to(self.input)
        return sender


class IdleTask(Task):
    def step(self, packet):
        st = self.state
        st.count -= 1
        if st.count == 0:
            return self.hold()
        if st.control & 1 == 0:
            st.control //= 2
            return self.release(I_DEVICE_A)
        st.control = (st.control // 2) ^ 0xD008
        return self.release(I_DEVICE_B)


class WorkerTask(Task):
    def step(self, packet):
        if packet is None:
            return self.wait()
        st = self.state
        if st.destination == I_HANDLER_A:
            st.destination = I_HANDLER_B
        else:
            st.destination = I_HANDLER_A
        packet.ident = st.destination
        packet.datum = 0
        for i in range(BUFFER_SIZE):
            st.count += 1
            if st.count > 26:
                st.count = 1
            packet.data[i] = 64 + st.count
        return self.send(packet)


class HandlerTask(Task):
    def step(self, packet):
        st = self.state
        if packet is not None:
            if packet.kind == KIND_WORK:
                st.work_in = packet.append_to(st.work_in)
            else:
                st.device_in = packet.append_to(st.device_in)
        work = st.work_in
        if work is None:
            return self.wait()
        count = work.datum
        if count >= BUFFER_SIZE:
            st.work_in = work.link
            return self.send(work)
        device = st.device_in
        if device is None:
            return self.wait()
        st.device_in = device.link
        device.datum = work.data[count]
        work.datum = count + 1
        return self.send(device)


class DeviceTask(Task):
    def step(self, packet):
        st = self.state
        if packet is None:
            packet = st.pending
            if packet is None:
                return self.wait()
            st.pending = None
            return self.send(packet)
        st.pending = packet
        return self.hold()


def run_once():
    sched = Scheduler()
    IdleTask(sched, I_IDLE, 1, None, IdleState())

    queue = Packet(None, 0, KIND_WORK)
    queue = Packet(queue, 0, KIND_WORK)
    WorkerTask(sched, I_WORK, 1000, queue, WorkerState())

    queue = Packet(None, I_DEVICE_A, KIND_DEVICE)
    queue = Packet(queue, I_DEVICE_A, KIND_DEVICE)
    queue = Packet(queue, I_DEVICE_A, KIND_DEVICE)
    HandlerTask(sched, I_HANDLER_A, 2000, queue, HandlerState())

    queue = Packet(None, I_DEVICE_B, KIND_DEVICE)
    queue = Packet(queue, I_DEVICE_B, KIND_DEVICE)
    queue = Packet(queue, I_DEVICE_B, KIND_DEVICE)
    HandlerTask(sched, I_HANDLER_B, 3000, queue, HandlerState())

    waiting = DeviceTask(sched, I_DEVICE_A, 4000, None, DeviceState())
    waiting.waiting = True
    waiting = DeviceTask(sched, I_DEVICE_B, 5000, None, DeviceState())
    waiting.waiting = True

    sched.schedule()
    return sched.queue_count, sched.hold_count


def main():
    ok = 0
    for _ in range(ITERATIONS):
        queued, held = run_once()
        if queued == 23246 and held == 9297:
            ok += 1
    print("iterations:", ITERATIONS)
    print("queue count:", queued, "hold count:", held)
    print("correct runs:", ok)


main()
