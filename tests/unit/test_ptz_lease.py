from console.ptz.lease import Holder, LeaseBoard, Outcome, Priority


class Clock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self):
        return self.now


def holder(user, priority, workstation="WS-01"):
    return Holder(user, f"{user} ({workstation})", workstation, priority)


AN = holder("an", Priority.OPERATOR)
BART = holder("bart", Priority.OPERATOR, "WS-02")
CHIEF = holder("claes", Priority.TEAM_CHIEF, "WS-09")
INCIDENT = holder("dirk", Priority.INCIDENT, "WS-03")
TOUR = holder("an", Priority.TOUR)


def make():
    clock = Clock()
    board = LeaseBoard(clock=clock, idle_timeout_s=30)
    events = []
    board.changed.connect(
        lambda camera, lease, why: events.append((camera, lease.holder.user if lease else None, str(why)))
    )
    return board, clock, events


def test_first_come_gets_control_an_equal_is_refused_with_the_holders_name():
    board, clock, events = make()
    assert board.request("ptz-1", AN).outcome is Outcome.GRANTED
    refused = board.request("ptz-1", BART)
    assert refused.outcome is Outcome.REFUSED and not refused.is_granted
    assert str(refused.reason()) == "an (WS-01) controls this camera"
    assert board.current("ptz-1").holder == AN
    assert board.request("ptz-2", BART).outcome is Outcome.GRANTED  # one holder per head, not per person
    assert events == [("ptz-1", "an", "an (WS-01) took control"), ("ptz-2", "bart", "bart (WS-02) took control")]


def test_priority_order_chief_incident_operator_tour():
    board, clock, events = make()
    assert board.request("ptz-1", TOUR).is_granted
    taken = board.request("ptz-1", BART)
    assert taken.outcome is Outcome.TAKEN_OVER and taken.previous == TOUR
    assert board.request("ptz-1", INCIDENT).outcome is Outcome.TAKEN_OVER
    assert board.request("ptz-1", BART).outcome is Outcome.REFUSED
    chief = board.request("ptz-1", CHIEF)
    assert chief.outcome is Outcome.TAKEN_OVER and str(chief.reason()) == "taken over from dirk (WS-03)"
    assert board.request("ptz-1", INCIDENT).outcome is Outcome.REFUSED
    assert events[-1] == ("ptz-1", "claes", "claes (WS-09) took over from dirk (WS-03)")


def test_idle_lease_expires_and_input_keeps_it_alive():
    board, clock, events = make()
    board.request("ptz-1", AN)
    clock.now += 25
    assert board.touch("ptz-1", AN)
    clock.now += 25
    assert board.current("ptz-1").holder == AN  # 25 s after the last input: still held
    assert not board.touch("ptz-1", BART)
    clock.now += 5.1
    board.expire()
    assert board.current("ptz-1") is None
    assert events[-1] == ("ptz-1", None, "released after 30 s without input")
    assert board.request("ptz-1", BART).outcome is Outcome.GRANTED


def test_renewal_and_release():
    board, clock, events = make()
    board.request("ptz-1", AN)
    assert board.request("ptz-1", AN).outcome is Outcome.RENEWED
    board.release("ptz-1", BART)  # not the holder: nothing happens
    assert board.current("ptz-1").holder == AN
    board.release("ptz-1", AN)
    assert board.current("ptz-1") is None and events[-1][2] == "an (WS-01) released control"
