<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl_BE" sourcelanguage="en">
<context>
    <name>AlarmFeed</name>
    <message>
        <location filename="../../console/ui/alarm_video.py" line="107"/>
        <source>the alarm queue could not be read: {error}</source>
        <translation>de alarmlijst kan niet gelezen worden: {error}</translation>
    </message>
</context>
<context>
    <name>AlarmPanel</name>
    <message>
        <location filename="../../console/ui/alarms.py" line="231"/>
        <location filename="../../console/ui/alarms.py" line="377"/>
        <source>Alarms</source>
        <translation>Alarmen</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms.py" line="243"/>
        <location filename="../../console/ui/alarms.py" line="452"/>
        <source>no still</source>
        <translation>geen beeld</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms.py" line="270"/>
        <source>note (Enter closes)</source>
        <translation>notitie (Enter sluit af)</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms.py" line="255"/>
        <source>Take (Enter)</source>
        <translation>Nemen (Enter)</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms.py" line="257"/>
        <source>Hand back</source>
        <translation>Teruggeven</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms.py" line="259"/>
        <source>Make incident</source>
        <translation>Incident maken</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms.py" line="272"/>
        <source>Close</source>
        <translation>Afsluiten</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms.py" line="277"/>
        <location filename="../../console/ui/alarms.py" line="508"/>
        <source>to which incident? (choose)</source>
        <translation>bij welk incident? (kies)</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms.py" line="302"/>
        <source>Take (Enter, double-click)</source>
        <translation>Nemen (Enter, dubbelklik)</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms.py" line="309"/>
        <source>Close as</source>
        <translation>Afsluiten als</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms.py" line="356"/>
        <source>Alarm {number} was taken by {name}</source>
        <translation>Alarm {number} is genomen door {name}</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms.py" line="365"/>
        <source>Alarm {number}: {what} on {camera}</source>
        <translation>Alarm {number}: {what} op {camera}</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms.py" line="377"/>
        <source>Alarms ({count} new)</source>
        <translation>Alarmen ({count} nieuw)</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms.py" line="421"/>
        <source>No alarm chosen</source>
        <translation>Geen alarm gekozen</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms.py" line="421"/>
        <source>No alarms</source>
        <translation>Geen alarmen</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms.py" line="429"/>
        <source>raised {time}, {repeats} repeats</source>
        <translation>gemeld om {time}, {repeats} herhalingen</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms.py" line="435"/>
        <source>escalated to the team chief at {time}</source>
        <translation>om {time} doorgezet naar de teamchef</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms.py" line="460"/>
        <source>choose an alarm first</source>
        <translation>kies eerst een alarm</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms.py" line="464"/>
        <source>{name} has taken it</source>
        <translation>{name} heeft het genomen</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms.py" line="465"/>
        <source>you have taken it</source>
        <translation>u hebt het genomen</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms.py" line="466"/>
        <source>Take the alarm: it leaves the other desks&apos; lists (Enter)</source>
        <translation>Het alarm nemen: het verdwijnt uit de lijsten van de andere posten (Enter)</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms.py" line="468"/>
        <source>only an alarm in progress is handed back</source>
        <translation>alleen een alarm in behandeling kan teruggegeven worden</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms.py" line="469"/>
        <source>Hand it back: new again on every list</source>
        <translation>Teruggeven: opnieuw nieuw op elke lijst</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms.py" line="473"/>
        <source>choose the incident first</source>
        <translation>kies eerst het incident</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms.py" line="475"/>
        <source>Close it with the chosen outcome (a new one is taken too)</source>
        <translation>Afsluiten met de gekozen afloop (een nieuw alarm wordt meteen ook genomen)</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms.py" line="479"/>
        <source>One action: an incident at the camera&apos;s place with the still, and the alarm closed</source>
        <translation>In één handeling: een incident op de plaats van de camera met het beeld, en het alarm afgesloten</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms.py" line="494"/>
        <source>Alarm {number} is yours</source>
        <translation>Alarm {number} is van u</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms.py" line="501"/>
        <source>Alarm {number} handed back</source>
        <translation>Alarm {number} teruggegeven</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms.py" line="328"/>
        <location filename="../../console/ui/alarms.py" line="521"/>
        <source>Choose the incident this alarm belongs to</source>
        <translation>Kies het incident waar dit alarm bij hoort</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms.py" line="523"/>
        <source>Alarm {number} added to {incident}</source>
        <translation>Alarm {number} bij {incident} gevoegd</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms.py" line="536"/>
        <source>Alarm {number} closed: {outcome}</source>
        <translation>Alarm {number} afgesloten: {outcome}</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms.py" line="549"/>
        <source>Camera {camera} is not in this desk&apos;s configuration</source>
        <translation>Camera {camera} staat niet in de configuratie van deze post</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms.py" line="577"/>
        <source>Incident {incident} made from alarm {number}</source>
        <translation>Incident {incident} gemaakt van alarm {number}</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms.py" line="614"/>
        <source>Not done: {why}</source>
        <translation>Niet gedaan: {why}</translation>
    </message>
</context>
<context>
    <name>AlarmQueueModel</name>
    <message>
        <location filename="../../console/ui/alarms.py" line="128"/>
        <source>No.</source>
        <translation>Nr.</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms.py" line="128"/>
        <source>Time</source>
        <translation>Tijd</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms.py" line="128"/>
        <source>Camera</source>
        <translation>Camera</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms.py" line="128"/>
        <source>What</source>
        <translation>Wat</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms.py" line="128"/>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms.py" line="162"/>
        <source>Alarm {number}: {what} on {camera} ({place})</source>
        <translation>Alarm {number}: {what} op {camera} ({place})</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms.py" line="173"/>
        <source>escalated {time}</source>
        <translation>doorgezet {time}</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms.py" line="174"/>
        <source>new, {time}</source>
        <translation>nieuw, {time}</translation>
    </message>
</context>
<context>
    <name>AlarmTile</name>
    <message>
        <location filename="../../console/ui/alarm_video.py" line="198"/>
        <source>Close ({key})</source>
        <translation>Sluiten ({key})</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarm_video.py" line="199"/>
        <source>Close the alarm&apos;s video on this desk ({key}); the alarm stays in the queue</source>
        <translation>Het beeld van het alarm op deze post sluiten ({key}); het alarm blijft in de alarmlijst</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarm_video.py" line="236"/>
        <source>ALARM {number} · {kind} · {time}</source>
        <translation>ALARM {number} · {kind} · {time}</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarm_video.py" line="238"/>
        <source>priority {priority} · {camera}</source>
        <translation>prioriteit {priority} · {camera}</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarm_video.py" line="242"/>
        <source>recording the viewing in the log…</source>
        <translation>de raadpleging wordt gelogd…</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarm_video.py" line="243"/>
        <source>the recording from before the alarm is being looked for…</source>
        <translation>de opname van vóór het alarm wordt gezocht…</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarm_video.py" line="249"/>
        <source>{count} more alarms with video wait in the queue</source>
        <translation>Nog {count} alarmen met beeld wachten in de alarmlijst</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarm_video.py" line="250"/>
        <source>One more alarm with video waits in the queue</source>
        <translation>Nog één alarm met beeld wacht in de alarmlijst</translation>
    </message>
</context>
<context>
    <name>AlarmVideo</name>
    <message>
        <location filename="../../console/ui/alarm_video.py" line="339"/>
        <source>Close the alarm tile</source>
        <translation>De alarmtegel sluiten</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarm_video.py" line="412"/>
        <source>ALARM {number} · {kind}</source>
        <translation>ALARM {number} · {kind}</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarm_video.py" line="415"/>
        <source>Alarm {number}: {camera} on window {window}</source>
        <translation>Alarm {number}: {camera} op venster {window}</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarm_video.py" line="446"/>
        <source>the audit log cannot be written: no picture</source>
        <translation>de auditlog kan niet geschreven worden: geen beeld</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarm_video.py" line="451"/>
        <source>{camera} is not recorded: no picture from before the alarm</source>
        <translation>{camera} wordt niet opgenomen: geen beeld van vóór het alarm</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarm_video.py" line="460"/>
        <location filename="../../console/ui/alarm_video.py" line="481"/>
        <source>No recording from before the alarm: {why}</source>
        <translation>Geen opname van vóór het alarm: {why}</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarm_video.py" line="480"/>
        <source>the recordings cannot be read now</source>
        <translation>de opnames kunnen nu niet gelezen worden</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarm_video.py" line="480"/>
        <source>nothing recorded before it</source>
        <translation>niets opgenomen vóór het alarm</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarm_video.py" line="510"/>
        <source>No recording from before the alarm: the access could not be logged</source>
        <translation>Geen opname van vóór het alarm: de raadpleging kon niet gelogd worden</translation>
    </message>
</context>
<context>
    <name>AlertStrip</name>
    <message>
        <location filename="../../console/ui/alert_strip.py" line="37"/>
        <source>No alerts</source>
        <translation>Geen meldingen</translation>
    </message>
    <message>
        <location filename="../../console/ui/alert_strip.py" line="63"/>
        <source>Relay down</source>
        <translation>Relay uitgevallen</translation>
    </message>
    <message>
        <location filename="../../console/ui/alert_strip.py" line="64"/>
        <source>The room&apos;s relays</source>
        <translation>De relays van de zaal</translation>
    </message>
    <message>
        <location filename="../../console/ui/alert_strip.py" line="67"/>
        <source>Escalated {number}</source>
        <translation>Doorgezet {number}</translation>
    </message>
    <message>
        <location filename="../../console/ui/alert_strip.py" line="70"/>
        <source>Alarms escalated to you, not taken: {count}</source>
        <translation>Naar u doorgezette alarmen, niet genomen: {count}</translation>
    </message>
    <message>
        <location filename="../../console/ui/alert_strip.py" line="73"/>
        <source>Alarm {number}</source>
        <translation>Alarm {number}</translation>
    </message>
    <message>
        <location filename="../../console/ui/alert_strip.py" line="76"/>
        <source>New alarms: {count}</source>
        <translation>Nieuwe alarmen: {count}</translation>
    </message>
    <message>
        <location filename="../../console/ui/alert_strip.py" line="78"/>
        <source>ANPR {count}</source>
        <translation>ANPR {count}</translation>
    </message>
    <message>
        <location filename="../../console/ui/alert_strip.py" line="79"/>
        <source>ANPR hits to check: {count}</source>
        <translation>Te controleren ANPR-hits: {count}</translation>
    </message>
    <message>
        <location filename="../../console/ui/alert_strip.py" line="81"/>
        <source>Read again {incident}</source>
        <translation>Opnieuw gelezen {incident}</translation>
    </message>
    <message>
        <location filename="../../console/ui/alert_strip.py" line="84"/>
        <source>Wanted vehicle read again: {count}</source>
        <translation>Geseind voertuig opnieuw gelezen: {count}</translation>
    </message>
    <message>
        <location filename="../../console/ui/alert_strip.py" line="86"/>
        <source>P1 {incident}</source>
        <translation>P1 {incident}</translation>
    </message>
    <message>
        <location filename="../../console/ui/alert_strip.py" line="89"/>
        <source>Priority 1 waiting for a unit: {count}</source>
        <translation>Prioriteit 1 wacht op een ploeg: {count}</translation>
    </message>
</context>
<context>
    <name>BoardWindow</name>
    <message>
        <location filename="../../console/ui/board.py" line="133"/>
        <source>Uitkijk – supervision</source>
        <translation>Uitkijk – toezicht</translation>
    </message>
    <message>
        <location filename="../../console/ui/board.py" line="142"/>
        <source>Desks</source>
        <translation>Werkposten</translation>
    </message>
    <message>
        <location filename="../../console/ui/board.py" line="143"/>
        <source>Who watches what</source>
        <translation>Wie bekijkt wat</translation>
    </message>
    <message>
        <location filename="../../console/ui/board.py" line="144"/>
        <source>Audit log</source>
        <translation>Auditlog</translation>
    </message>
    <message>
        <location filename="../../console/ui/board.py" line="177"/>
        <source>Reading…</source>
        <translation>Bezig met lezen…</translation>
    </message>
    <message>
        <location filename="../../console/ui/board.py" line="214"/>
        <source>The store could not be read: {error}</source>
        <translation>De gegevensopslag kon niet gelezen worden: {error}</translation>
    </message>
    <message>
        <location filename="../../console/ui/board.py" line="225"/>
        <source>no contact since {time}</source>
        <translation>geen contact sinds {time}</translation>
    </message>
    <message>
        <location filename="../../console/ui/board.py" line="236"/>
        <source> (no contact)</source>
        <translation> (geen contact)</translation>
    </message>
    <message>
        <location filename="../../console/ui/board.py" line="295"/>
        <source>login name</source>
        <translation>gebruikersnaam</translation>
    </message>
    <message>
        <location filename="../../console/ui/board.py" line="297"/>
        <source>camera id</source>
        <translation>camera-id</translation>
    </message>
    <message>
        <location filename="../../console/ui/board.py" line="299"/>
        <source>words of the reason, e.g. an incident number</source>
        <translation>woorden uit de reden, bv. een incidentnummer</translation>
    </message>
    <message>
        <location filename="../../console/ui/board.py" line="308"/>
        <source>to</source>
        <translation>tot</translation>
    </message>
    <message>
        <location filename="../../console/ui/board.py" line="180"/>
        <location filename="../../console/ui/board.py" line="311"/>
        <location filename="../../console/ui/board.py" line="338"/>
        <source>User</source>
        <translation>Gebruiker</translation>
    </message>
    <message>
        <location filename="../../console/ui/board.py" line="181"/>
        <location filename="../../console/ui/board.py" line="312"/>
        <location filename="../../console/ui/board.py" line="342"/>
        <source>Camera</source>
        <translation>Camera</translation>
    </message>
    <message>
        <location filename="../../console/ui/board.py" line="180"/>
        <location filename="../../console/ui/board.py" line="313"/>
        <location filename="../../console/ui/board.py" line="343"/>
        <source>Reason</source>
        <translation>Reden</translation>
    </message>
    <message>
        <location filename="../../console/ui/board.py" line="314"/>
        <source>Days (UTC)</source>
        <translation>Dagen (UTC)</translation>
    </message>
    <message>
        <location filename="../../console/ui/board.py" line="317"/>
        <source>Search</source>
        <translation>Zoeken</translation>
    </message>
    <message>
        <location filename="../../console/ui/board.py" line="322"/>
        <source>Verify the chain</source>
        <translation>Keten controleren</translation>
    </message>
    <message>
        <location filename="../../console/ui/board.py" line="327"/>
        <source>Export these entries as CSV…</source>
        <translation>Deze regels als CSV exporteren…</translation>
    </message>
    <message>
        <location filename="../../console/ui/board.py" line="337"/>
        <source>Time</source>
        <translation>Tijd</translation>
    </message>
    <message>
        <location filename="../../console/ui/board.py" line="183"/>
        <location filename="../../console/ui/board.py" line="339"/>
        <source>Role</source>
        <translation>Rol</translation>
    </message>
    <message>
        <location filename="../../console/ui/board.py" line="180"/>
        <location filename="../../console/ui/board.py" line="340"/>
        <source>Workstation</source>
        <translation>Werkpost</translation>
    </message>
    <message>
        <location filename="../../console/ui/board.py" line="180"/>
        <source>Since</source>
        <translation>Sinds</translation>
    </message>
    <message>
        <location filename="../../console/ui/board.py" line="181"/>
        <source>Wall</source>
        <translation>Wand</translation>
    </message>
    <message>
        <location filename="../../console/ui/board.py" line="183"/>
        <location filename="../../console/ui/board.py" line="189"/>
        <source>Signed in</source>
        <translation>Aangemeld</translation>
    </message>
    <message>
        <location filename="../../console/ui/board.py" line="183"/>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../console/ui/board.py" line="185"/>
        <source>Tile</source>
        <translation>Tegel</translation>
    </message>
    <message>
        <location filename="../../console/ui/board.py" line="186"/>
        <source>Tour</source>
        <translation>Ronde</translation>
    </message>
    <message>
        <location filename="../../console/ui/board.py" line="187"/>
        <source>Controlled by</source>
        <translation>Bestuurd door</translation>
    </message>
    <message>
        <location filename="../../console/ui/board.py" line="187"/>
        <source>Priority</source>
        <translation>Prioriteit</translation>
    </message>
    <message>
        <location filename="../../console/ui/board.py" line="190"/>
        <source>On their tiles now</source>
        <translation>Nu op hun tegels</translation>
    </message>
    <message>
        <location filename="../../console/ui/board.py" line="191"/>
        <source>Tours running</source>
        <translation>Lopende rondes</translation>
    </message>
    <message>
        <location filename="../../console/ui/board.py" line="192"/>
        <source>PTZ control</source>
        <translation>PTZ-besturing</translation>
    </message>
    <message>
        <location filename="../../console/ui/board.py" line="226"/>
        <source>writes no audit entry: {problem}</source>
        <translation>schrijft geen auditregel: {problem}</translation>
    </message>
    <message>
        <location filename="../../console/ui/board.py" line="255"/>
        <source>{signed_in} signed in, {watching} watching {tiles} tiles</source>
        <translation>{signed_in} aangemeld, {watching} bekijken {tiles} tegels</translation>
    </message>
    <message>
        <location filename="../../console/ui/board.py" line="259"/>
        <source>{count} without contact</source>
        <translation>{count} zonder contact</translation>
    </message>
    <message>
        <location filename="../../console/ui/board.py" line="260"/>
        <source>updated {time}</source>
        <translation>bijgewerkt {time}</translation>
    </message>
    <message>
        <location filename="../../console/ui/board.py" line="287"/>
        <source>PLAYBACK {time}</source>
        <translation>OPNAME {time}</translation>
    </message>
    <message>
        <location filename="../../console/ui/board.py" line="341"/>
        <source>Action</source>
        <translation>Handeling</translation>
    </message>
    <message>
        <location filename="../../console/ui/board.py" line="344"/>
        <source>Detail</source>
        <translation>Detail</translation>
    </message>
    <message>
        <location filename="../../console/ui/board.py" line="398"/>
        <source>Searching…</source>
        <translation>Bezig met zoeken…</translation>
    </message>
    <message>
        <location filename="../../console/ui/board.py" line="407"/>
        <source>The search failed: {error}</source>
        <translation>Het zoeken mislukte: {error}</translation>
    </message>
    <message>
        <location filename="../../console/ui/board.py" line="437"/>
        <source> (the newest {count}; narrow the search)</source>
        <translation> (de nieuwste {count}; verfijn de zoekopdracht)</translation>
    </message>
    <message>
        <location filename="../../console/ui/board.py" line="438"/>
        <source>{count} entries</source>
        <translation>{count} regels</translation>
    </message>
    <message>
        <location filename="../../console/ui/board.py" line="442"/>
        <source>Verifying the chain…</source>
        <translation>Bezig met de keten te controleren…</translation>
    </message>
    <message>
        <location filename="../../console/ui/board.py" line="446"/>
        <source>Could not verify: {error}</source>
        <translation>Controle niet mogelijk: {error}</translation>
    </message>
    <message>
        <location filename="../../console/ui/board.py" line="454"/>
        <source>BROKEN at entry {entry}: {problem}</source>
        <translation>GEBROKEN bij regel {entry}: {problem}</translation>
    </message>
    <message>
        <location filename="../../console/ui/board.py" line="458"/>
        <source>BROKEN: {problem}</source>
        <translation>GEBROKEN: {problem}</translation>
    </message>
    <message>
        <location filename="../../console/ui/board.py" line="459"/>
        <source>Audit log: {verdict}</source>
        <translation>Auditlog: {verdict}</translation>
    </message>
    <message>
        <location filename="../../console/ui/board.py" line="463"/>
        <source>Export</source>
        <translation>Exporteren</translation>
    </message>
    <message>
        <location filename="../../console/ui/board.py" line="463"/>
        <source>Who receives this export (name, service)?</source>
        <translation>Wie ontvangt deze export (naam, dienst)?</translation>
    </message>
    <message>
        <location filename="../../console/ui/board.py" line="467"/>
        <source>Export the audit log</source>
        <translation>Auditlog exporteren</translation>
    </message>
    <message>
        <location filename="../../console/ui/board.py" line="485"/>
        <source>{count} entries written to {file}</source>
        <translation>{count} regels geschreven naar {file}</translation>
    </message>
    <message>
        <location filename="../../console/ui/board.py" line="487"/>
        <source>The export failed: {error}</source>
        <translation>Het exporteren mislukte: {error}</translation>
    </message>
</context>
<context>
    <name>CameraPanel</name>
    <message>
        <location filename="../../console/ui/camera_tree.py" line="268"/>
        <source>Search cameras (name, street, id)…</source>
        <translation>Camera&apos;s zoeken (naam, straat, id)…</translation>
    </message>
</context>
<context>
    <name>CameraTreeModel</name>
    <message>
        <location filename="../../console/ui/camera_tree.py" line="78"/>
        <source>Camera</source>
        <translation>Camera</translation>
    </message>
    <message>
        <location filename="../../console/ui/camera_tree.py" line="78"/>
        <source>Kind</source>
        <translation>Soort</translation>
    </message>
    <message>
        <location filename="../../console/ui/camera_tree.py" line="78"/>
        <source>Desks</source>
        <translation>Werkposten</translation>
    </message>
    <message>
        <location filename="../../console/ui/camera_tree.py" line="79"/>
        <source>How many desks of the room show the camera now</source>
        <translation>Op hoeveel werkposten van de zaal de camera nu te zien is</translation>
    </message>
    <message>
        <location filename="../../console/ui/camera_tree.py" line="121"/>
        <source>Fixed</source>
        <translation>Vast</translation>
    </message>
    <message>
        <location filename="../../console/ui/camera_tree.py" line="133"/>
        <source>not on the wall</source>
        <translation>niet op de wand</translation>
    </message>
    <message>
        <location filename="../../console/ui/camera_tree.py" line="135"/>
        <source>desks of the room showing it: {count}</source>
        <translation>werkposten van de zaal die hem tonen: {count}</translation>
    </message>
</context>
<context>
    <name>Console</name>
    <message>
        <location filename="../../console/ui/desk.py" line="394"/>
        <source>{holder} took over control of {camera} at {time}</source>
        <translation>{holder} heeft om {time} de besturing van {camera} overgenomen</translation>
    </message>
    <message>
        <location filename="../../console/ui/desk.py" line="466"/>
        <source>Snapshot: select a tile with a camera first</source>
        <translation>Momentopname: kies eerst een tegel met een camera</translation>
    </message>
    <message>
        <location filename="../../console/ui/desk.py" line="410"/>
        <source>Incident {incident} is finished: the next reason?</source>
        <translation>Incident {incident} is afgerond: de volgende reden?</translation>
    </message>
    <message>
        <location filename="../../console/ui/desk.py" line="555"/>
        <source>Recordings: select a tile with a camera first</source>
        <translation>Opnames: kies eerst een tegel met een camera</translation>
    </message>
    <message>
        <location filename="../../console/ui/desk.py" line="570"/>
        <source>{incident}: none of its cameras is recorded</source>
        <translation>{incident}: geen van zijn camera&apos;s wordt opgenomen</translation>
    </message>
    <message>
        <location filename="../../console/ui/desk.py" line="592"/>
        <source>New incident: select a tile with a camera first</source>
        <translation>Nieuw incident: kies eerst een tegel met een camera</translation>
    </message>
    <message>
        <location filename="../../console/ui/desk.py" line="601"/>
        <source>Incident {incident} created from {camera}</source>
        <translation>Incident {incident} aangemaakt vanuit {camera}</translation>
    </message>
    <message>
        <location filename="../../console/ui/desk.py" line="614"/>
        <source>select a tile with a camera first</source>
        <translation>kies eerst een tegel met een camera</translation>
    </message>
    <message>
        <location filename="../../console/ui/desk.py" line="634"/>
        <source>{incident}: {cameras} on wall {number} (Back returns)</source>
        <translation>{incident}: {cameras} op wand {number} (Terug zet ze terug)</translation>
    </message>
    <message>
        <location filename="../../console/ui/desk.py" line="568"/>
        <location filename="../../console/ui/desk.py" line="641"/>
        <source>{incident}: no camera is linked, near or in its area</source>
        <translation>{incident}: geen camera gekoppeld, in de buurt of in de zone</translation>
    </message>
    <message>
        <location filename="../../console/ui/desk.py" line="645"/>
        <source>The active wall window (else the main one)</source>
        <translation>Het actieve wandvenster (anders het hoofdvenster)</translation>
    </message>
    <message>
        <location filename="../../console/ui/desk.py" line="647"/>
        <source>Wall {number} (main)</source>
        <translation>Wand {number} (hoofdvenster)</translation>
    </message>
    <message>
        <location filename="../../console/ui/desk.py" line="647"/>
        <source>Wall {number}</source>
        <translation>Wand {number}</translation>
    </message>
</context>
<context>
    <name>DeskCard</name>
    <message>
        <location filename="../../console/ui/miniatures.py" line="241"/>
        <source>NO CONTACT since {time}</source>
        <translation>GEEN CONTACT sinds {time}</translation>
    </message>
    <message>
        <location filename="../../console/ui/miniatures.py" line="242"/>
        <source>This desk has sent no sign of life since then (killed, or cut off): its wall as last known, without pictures</source>
        <translation>Deze werkpost geeft sindsdien geen teken van leven meer (uitgevallen of afgesneden): de wand zoals laatst gekend, zonder beelden</translation>
    </message>
    <message>
        <location filename="../../console/ui/miniatures.py" line="245"/>
        <source>last known wall</source>
        <translation>wand zoals laatst gekend</translation>
    </message>
    <message>
        <location filename="../../console/ui/miniatures.py" line="246"/>
        <source>writes no audit entry</source>
        <translation>schrijft geen auditregel</translation>
    </message>
</context>
<context>
    <name>DeskMap</name>
    <message>
        <location filename="../../console/ui/desk_map.py" line="220"/>
        <source>{shown} of {count} cameras on the wall (the nearest the area&apos;s centre)</source>
        <translation>{shown} van de {count} camera&apos;s op de wand (het dichtst bij het midden van de zone)</translation>
    </message>
    <message>
        <location filename="../../console/ui/desk_map.py" line="232"/>
        <source>{camera} has not answered over ONVIF yet</source>
        <translation>{camera} heeft nog niet geantwoord via ONVIF</translation>
    </message>
</context>
<context>
    <name>DeskMiniatures</name>
    <message>
        <location filename="../../console/ui/miniatures.py" line="292"/>
        <source>Show their pictures (each camera is logged as your view, with your reason)</source>
        <translation>Hun beelden tonen (elke camera wordt gelogd als uw raadpleging, met uw reden)</translation>
    </message>
    <message>
        <location filename="../../console/ui/miniatures.py" line="335"/>
        <source>No other desk is signed in.</source>
        <translation>Geen andere werkpost is aangemeld.</translation>
    </message>
    <message>
        <location filename="../../console/ui/miniatures.py" line="414"/>
        <source>Pictures not shown: {why}</source>
        <translation>Beelden niet getoond: {why}</translation>
    </message>
</context>
<context>
    <name>Dispatch</name>
    <message>
        <location filename="../../console/ui/dispatch/forms.py" line="56"/>
        <source>Not now: {why}</source>
        <translation>Nu niet: {why}</translation>
    </message>
</context>
<context>
    <name>DispatchFeed</name>
    <message>
        <location filename="../../console/ui/dispatch/models.py" line="143"/>
        <source>the dispatch records could not be read: {error}</source>
        <translation>de dispatchgegevens konden niet gelezen worden: {error}</translation>
    </message>
</context>
<context>
    <name>DispatchPanel</name>
    <message>
        <location filename="../../console/ui/dispatch/panel.py" line="167"/>
        <source>Open incidents</source>
        <translation>Open incidenten</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/panel.py" line="170"/>
        <source>Show finished</source>
        <translation>Afgeronde tonen</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/panel.py" line="185"/>
        <source>Units</source>
        <translation>Ploegen</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/panel.py" line="205"/>
        <source>Incidents</source>
        <translation>Incidenten</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/panel.py" line="219"/>
        <location filename="../../console/ui/dispatch/panel.py" line="628"/>
        <source>ANPR hits</source>
        <translation>ANPR-hits</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/panel.py" line="235"/>
        <source>Create the incident, or save its changes (Ctrl+Enter)</source>
        <translation>Het incident aanmaken of de wijzigingen bewaren (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/panel.py" line="293"/>
        <source>Open incidents ({count})</source>
        <translation>Open incidenten ({count})</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/panel.py" line="318"/>
        <source>no unit available</source>
        <translation>geen ploeg beschikbaar</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/panel.py" line="323"/>
        <source>merge into… (choose the incident)</source>
        <translation>samenvoegen met… (kies het incident)</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/panel.py" line="334"/>
        <source>select an incident first</source>
        <translation>kies eerst een incident</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/panel.py" line="337"/>
        <source>{incident} is {state}</source>
        <translation>{incident} is {state}</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/panel.py" line="339"/>
        <source>no unit is available</source>
        <translation>er is geen ploeg beschikbaar</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/panel.py" line="340"/>
        <location filename="../../console/ui/dispatch/panel.py" line="377"/>
        <source>your role sends no units</source>
        <translation>uw rol stuurt geen ploegen</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/panel.py" line="341"/>
        <source>Send the chosen unit</source>
        <translation>De gekozen ploeg sturen</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/panel.py" line="342"/>
        <source>no wall on this desk</source>
        <translation>geen videowand op deze werkpost</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/panel.py" line="343"/>
        <source>The incident&apos;s cameras on the wall (V)</source>
        <translation>De camera&apos;s van het incident op de wand (V)</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/panel.py" line="347"/>
        <source>The selected tile&apos;s camera joins the incident, with a snapshot</source>
        <translation>De camera van de gekozen tegel wordt aan het incident gekoppeld, met een momentopname</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/panel.py" line="350"/>
        <source>a unit must be on scene first</source>
        <translation>eerst moet een ploeg ter plaatse zijn</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/panel.py" line="351"/>
        <source>Close the incident (the outcome is needed)</source>
        <translation>Het incident afsluiten (de afloop is nodig)</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/panel.py" line="353"/>
        <source>Cancel the incident</source>
        <translation>Het incident annuleren</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/panel.py" line="355"/>
        <source>choose the incident to merge into</source>
        <translation>kies het incident om mee samen te voegen</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/panel.py" line="356"/>
        <source>Merge into the chosen incident</source>
        <translation>Samenvoegen met het gekozen incident</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/panel.py" line="357"/>
        <source>The unit to send</source>
        <translation>De ploeg die u stuurt</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/panel.py" line="358"/>
        <source>The incident to merge this one into</source>
        <translation>Het incident waarin u dit samenvoegt</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/panel.py" line="359"/>
        <source>A note in the incident&apos;s timeline (Enter files it)</source>
        <translation>Een notitie in het verloop van het incident (Enter voegt ze toe)</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/panel.py" line="363"/>
        <source>Its cameras&apos; recordings around its time, in step</source>
        <translation>De opnames van zijn camera&apos;s rond zijn tijdstip, samen afgespeeld</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/panel.py" line="371"/>
        <source>The selected unit reports: {state}</source>
        <translation>De gekozen ploeg meldt: {state}</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/panel.py" line="379"/>
        <source>select a unit first</source>
        <translation>kies eerst een ploeg</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/panel.py" line="381"/>
        <source>{unit} is already {state}</source>
        <translation>{unit} is al {state}</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/panel.py" line="388"/>
        <source>{unit} is sent from an incident</source>
        <translation>{unit}: sturen doet u vanuit een incident</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/panel.py" line="459"/>
        <source>nothing changed</source>
        <translation>niets gewijzigd</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/panel.py" line="464"/>
        <source>{incident} saved</source>
        <translation>{incident} bewaard</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/panel.py" line="472"/>
        <source>incident {incident} created</source>
        <translation>incident {incident} aangemaakt</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/panel.py" line="502"/>
        <source>note</source>
        <translation>notitie</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/panel.py" line="503"/>
        <source>new incident</source>
        <translation>nieuw incident</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/panel.py" line="574"/>
        <source>{unit} dispatched to {incident}</source>
        <translation>{unit} gestuurd naar {incident}</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/panel.py" line="628"/>
        <source>ANPR hits ({count})</source>
        <translation>ANPR-hits ({count})</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/panel.py" line="632"/>
        <source>ANPR hit: {plate} ({country}) on &apos;{list}&apos; at {where}</source>
        <translation>ANPR-hit: {plate} ({country}) op &apos;{list}&apos; bij {where}</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/panel.py" line="647"/>
        <source>Wanted vehicle read again: {plate} at {where} – incident {incident}</source>
        <translation>Geseind voertuig opnieuw gelezen: {plate} bij {where} – incident {incident}</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/panel.py" line="685"/>
        <source>hit {hit} ({plate}): {outcome}</source>
        <translation>hit {hit} ({plate}): {outcome}</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/panel.py" line="707"/>
        <location filename="../../console/ui/dispatch/panel.py" line="738"/>
        <source>Alarms</source>
        <translation>Alarmen</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/panel.py" line="708"/>
        <source>The room&apos;s alarm queue (F6)</source>
        <translation>De alarmlijst van de zaal (F6)</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/panel.py" line="738"/>
        <source>Alarms ({count})</source>
        <translation>Alarmen ({count})</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/panel.py" line="776"/>
        <source>{incident}: acknowledged by you</source>
        <translation>{incident}: door u bevestigd</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/panel.py" line="798"/>
        <source>priority-1 incident {incident} waits {time} without a unit</source>
        <translation>prioriteit-1-incident {incident} wacht {time} zonder ploeg</translation>
    </message>
</context>
<context>
    <name>DispatchWindow</name>
    <message>
        <location filename="../../console/ui/dispatch/panel.py" line="870"/>
        <source>Uitkijk – dispatch – {user} ({role})</source>
        <translation>Uitkijk – dispatching – {user} ({role})</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/panel.py" line="876"/>
        <source>&amp;Session</source>
        <translation>&amp;Sessie</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/panel.py" line="877"/>
        <source>Sign out (change user)</source>
        <translation>Afmelden (andere gebruiker)</translation>
    </message>
</context>
<context>
    <name>Domain</name>
    <message>
        <location filename="../../console/access/permissions.py" line="84"/>
        <location filename="../../console/services/alarm_queue.py" line="123"/>
        <source>the {role} role may not {action}</source>
        <translation>de rol {role} mag niet: {action}</translation>
    </message>
    <message>
        <location filename="../../console/access/reasons.py" line="50"/>
        <source>incident {incident} is finished: its reason covers no new viewing; give a new reason (R)</source>
        <translation>incident {incident} is afgerond: de reden ervan dekt geen nieuwe raadpleging meer; geef een nieuwe reden (R)</translation>
    </message>
    <message>
        <location filename="../../console/access/reasons.py" line="58"/>
        <source>the reference</source>
        <translation>de referentie</translation>
    </message>
    <message>
        <location filename="../../console/access/reasons.py" line="59"/>
        <source>the decision&apos;s reference</source>
        <translation>de referentie van de beslissing</translation>
    </message>
    <message>
        <location filename="../../console/access/reasons.py" line="78"/>
        <source>the decision&apos;s reference is {length} characters long; at most {limit}</source>
        <translation>de referentie van de beslissing is {length} tekens lang; hoogstens {limit}</translation>
    </message>
    <message>
        <location filename="../../console/access/reasons.py" line="84"/>
        <source>a prosecutor&apos;s or investigating judge&apos;s decision goes with a judicial reason only</source>
        <translation>een beslissing van de procureur of onderzoeksrechter hoort alleen bij een reden van gerechtelijke politie</translation>
    </message>
    <message>
        <location filename="../../console/access/reasons.py" line="90"/>
        <source>the reference is {length} characters long; at most {limit}</source>
        <translation>de referentie is {length} tekens lang; hoogstens {limit}</translation>
    </message>
    <message>
        <location filename="../../console/access/reasons.py" line="103"/>
        <source>&apos;{category}&apos; needs an incident/report number or a text</source>
        <translation>&apos;{category}&apos; vraagt een incident-/PV-nummer of een tekst</translation>
    </message>
    <message>
        <location filename="../../console/access/reasons.py" line="108"/>
        <source>judicial police viewing needs the report (PV) number or the investigator&apos;s request</source>
        <translation>raadpleging voor gerechtelijke politie vraagt het PV-nummer of de vraag van de onderzoeker</translation>
    </message>
    <message>
        <location filename="../../console/access/reasons.py" line="141"/>
        <source>unknown category &apos;{category}&apos;; one of {known}</source>
        <translation>onbekende categorie &apos;{category}&apos;; een van {known}</translation>
    </message>
    <message>
        <location filename="../../console/access/session.py" line="88"/>
        <source>to {action} you first give a reason for viewing (R)</source>
        <translation>om te {action} geeft u eerst een reden van raadpleging (R)</translation>
    </message>
    <message>
        <location filename="../../console/access/users.py" line="173"/>
        <location filename="../../console/access/users.py" line="175"/>
        <source>wrong user name or password</source>
        <translation>verkeerde gebruikersnaam of wachtwoord</translation>
    </message>
    <message>
        <location filename="../../console/dispatch/config.py" line="40"/>
        <source>&apos;{plate}&apos; is not a number plate: 2 to 10 letters and digits (dashes and spaces allowed)</source>
        <translation>&apos;{plate}&apos; is geen nummerplaat: 2 tot 10 letters en cijfers (streepjes en spaties mogen)</translation>
    </message>
    <message>
        <location filename="../../console/dispatch/config.py" line="52"/>
        <source>&apos;{country}&apos; is not a country code: the plate&apos;s international code, e.g. B, NL, F, D</source>
        <translation>&apos;{country}&apos; is geen landcode: de internationale code van de plaat, bv. B, NL, F, D</translation>
    </message>
    <message>
        <location filename="../../console/dispatch/intake_checks.py" line="33"/>
        <source>the {field} is longer than {limit} characters</source>
        <translation>{field} is langer dan {limit} tekens</translation>
    </message>
    <message>
        <location filename="../../console/dispatch/intake_checks.py" line="40"/>
        <source>the {field} holds bytes that are not UTF-8 text</source>
        <translation>{field} bevat bytes die geen UTF-8-tekst zijn</translation>
    </message>
    <message>
        <location filename="../../console/dispatch/intake_checks.py" line="44"/>
        <source>the {field} holds a control character (U+{code})</source>
        <translation>{field} bevat een stuurteken (U+{code})</translation>
    </message>
    <message>
        <location filename="../../console/dispatch/intake_checks.py" line="51"/>
        <source>the {field} holds {character}, a character that shows other than it is stored</source>
        <translation>het veld {field} bevat {character}, een teken dat anders getoond wordt dan het bewaard is</translation>
    </message>
    <message>
        <location filename="../../console/dispatch/model.py" line="85"/>
        <source>dispatch a unit first</source>
        <translation>stuur eerst een ploeg</translation>
    </message>
    <message>
        <location filename="../../console/dispatch/model.py" line="86"/>
        <source>an incident nobody went to is cancelled, not closed</source>
        <translation>een incident waar niemand naartoe ging wordt geannuleerd, niet afgesloten</translation>
    </message>
    <message>
        <location filename="../../console/dispatch/model.py" line="87"/>
        <source>a unit must be on scene first (or cancel it)</source>
        <translation>eerst moet een ploeg ter plaatse zijn (of annuleer het)</translation>
    </message>
    <message>
        <location filename="../../console/dispatch/model.py" line="88"/>
        <source>a unit is on scene: close it with an outcome</source>
        <translation>een ploeg is ter plaatse: sluit het af met een afloop</translation>
    </message>
    <message>
        <location filename="../../console/dispatch/model.py" line="91"/>
        <location filename="../../console/dispatch/model.py" line="92"/>
        <source>dispatch it to an incident first</source>
        <translation>stuur ze eerst naar een incident</translation>
    </message>
    <message>
        <location filename="../../console/dispatch/model.py" line="93"/>
        <source>it reports en route first</source>
        <translation>ze meldt eerst dat ze onderweg is</translation>
    </message>
    <message>
        <location filename="../../console/dispatch/model.py" line="94"/>
        <source>it is busy: set it available first</source>
        <translation>ze is bezet: zet ze eerst op beschikbaar</translation>
    </message>
    <message>
        <location filename="../../console/dispatch/model.py" line="95"/>
        <source>it is out of service</source>
        <translation>ze is buiten dienst</translation>
    </message>
    <message>
        <location filename="../../console/dispatch/model.py" line="104"/>
        <source>incident {incident} is {state}: it cannot change any more</source>
        <translation>incident {incident} is {state}: het kan niet meer wijzigen</translation>
    </message>
    <message>
        <location filename="../../console/dispatch/model.py" line="108"/>
        <source>incident {incident} cannot go from {state} to {wanted}</source>
        <translation>incident {incident} kan niet van {state} naar {wanted}</translation>
    </message>
    <message>
        <location filename="../../console/dispatch/model.py" line="127"/>
        <source>{refusal}: {hint}</source>
        <translation>{refusal}: {hint}</translation>
    </message>
    <message>
        <location filename="../../console/dispatch/model.py" line="118"/>
        <source>it is on an incident: clear it (available) first</source>
        <translation>ze is op een incident: zet ze eerst vrij (beschikbaar)</translation>
    </message>
    <message>
        <location filename="../../console/dispatch/model.py" line="119"/>
        <source>{unit} cannot go from {state} to {wanted}</source>
        <translation>{unit} kan niet van {state} naar {wanted}</translation>
    </message>
    <message>
        <location filename="../../console/dispatch/service.py" line="75"/>
        <source>incident {incident} is {state}: its reason covers no new viewing; give a new reason (R)</source>
        <translation>incident {incident} is {state}: de reden ervan dekt geen nieuwe raadpleging meer; geef een nieuwe reden (R)</translation>
    </message>
    <message>
        <location filename="../../console/dispatch/service.py" line="109"/>
        <location filename="../../console/services/evidence_locks.py" line="115"/>
        <location filename="../../console/services/footage_import.py" line="159"/>
        <source>there is no incident {incident}</source>
        <translation>er is geen incident {incident}</translation>
    </message>
    <message>
        <location filename="../../console/dispatch/service.py" line="155"/>
        <source>the type is missing</source>
        <translation>de aard ontbreekt</translation>
    </message>
    <message>
        <location filename="../../console/dispatch/service.py" line="158"/>
        <location filename="../../console/dispatch/service.py" line="223"/>
        <source>priority {priority}: 1 (urgent), 2 or 3</source>
        <translation>prioriteit {priority}: 1 (dringend), 2 of 3</translation>
    </message>
    <message>
        <location filename="../../console/dispatch/service.py" line="161"/>
        <source>where is it? give an address, an area or a camera</source>
        <translation>waar is het? geef een adres, een zone of een camera</translation>
    </message>
    <message>
        <location filename="../../console/dispatch/service.py" line="163"/>
        <source>give both latitude and longitude, or neither</source>
        <translation>geef zowel breedte als lengte, of geen van beide</translation>
    </message>
    <message>
        <location filename="../../console/dispatch/service.py" line="195"/>
        <source>ANPR hit {hit} is not confirmed: compare the read with the image first</source>
        <translation>ANPR-hit {hit} is niet bevestigd: vergelijk eerst de lezing met het beeld</translation>
    </message>
    <message>
        <location filename="../../console/dispatch/service.py" line="202"/>
        <source>ANPR hit {hit} already became incident {incident}</source>
        <translation>ANPR-hit {hit} werd al incident {incident}</translation>
    </message>
    <message>
        <location filename="../../console/dispatch/service.py" line="220"/>
        <source>these cannot be edited: {fields}</source>
        <translation>deze kunnen niet gewijzigd worden: {fields}</translation>
    </message>
    <message>
        <location filename="../../console/dispatch/service.py" line="226"/>
        <source>the type cannot be empty</source>
        <translation>de aard mag niet leeg zijn</translation>
    </message>
    <message>
        <location filename="../../console/dispatch/service.py" line="240"/>
        <source>incident {incident} is {state}: only its outcome and report number change</source>
        <translation>incident {incident} is {state}: alleen de afloop en het PV-nummer wijzigen nog</translation>
    </message>
    <message>
        <location filename="../../console/dispatch/service.py" line="263"/>
        <source>{incident} was already acknowledged</source>
        <translation>{incident} was al bevestigd</translation>
    </message>
    <message>
        <location filename="../../console/dispatch/service.py" line="266"/>
        <source>{incident} is {state}</source>
        <translation>{incident} is {state}</translation>
    </message>
    <message>
        <location filename="../../console/dispatch/service.py" line="280"/>
        <source>the note is empty</source>
        <translation>de notitie is leeg</translation>
    </message>
    <message>
        <location filename="../../console/dispatch/service.py" line="282"/>
        <source>the note is longer than {limit} characters</source>
        <translation>de notitie is langer dan {limit} tekens</translation>
    </message>
    <message>
        <location filename="../../console/dispatch/service.py" line="298"/>
        <source>incident {incident} is {state}</source>
        <translation>incident {incident} is {state}</translation>
    </message>
    <message>
        <location filename="../../console/dispatch/service.py" line="323"/>
        <source>an incident is finished as closed or cancelled, not {state}</source>
        <translation>een incident wordt afgerond als afgesloten of geannuleerd, niet {state}</translation>
    </message>
    <message>
        <location filename="../../console/dispatch/service.py" line="327"/>
        <source>closing needs an outcome (what was found, what was done)</source>
        <translation>afsluiten vraagt een afloop (wat werd vastgesteld, wat werd gedaan)</translation>
    </message>
    <message>
        <location filename="../../console/dispatch/service.py" line="358"/>
        <source>an incident cannot be merged into itself</source>
        <translation>een incident kan niet met zichzelf samengevoegd worden</translation>
    </message>
    <message>
        <location filename="../../console/dispatch/service.py" line="364"/>
        <source>incident {incident} is {state}: merge into an open incident</source>
        <translation>incident {incident} is {state}: voeg samen met een open incident</translation>
    </message>
    <message>
        <location filename="../../console/dispatch/service.py" line="404"/>
        <location filename="../../console/dispatch/service.py" line="441"/>
        <source>there is no unit {unit}</source>
        <translation>er is geen ploeg {unit}</translation>
    </message>
    <message>
        <location filename="../../console/dispatch/service.py" line="407"/>
        <source>incident {incident} is {state}: nothing to send {unit} to</source>
        <translation>incident {incident} is {state}: niets om {unit} naartoe te sturen</translation>
    </message>
    <message>
        <location filename="../../console/dispatch/service.py" line="434"/>
        <source>{unit} is dispatched to an incident from the incident (Dispatch)</source>
        <translation>{unit} wordt vanuit het incident naar een incident gestuurd (Sturen)</translation>
    </message>
    <message>
        <location filename="../../console/dispatch/service.py" line="474"/>
        <source>every configured unit is known</source>
        <translation>elke ingestelde ploeg is gekend</translation>
    </message>
    <message>
        <location filename="../../console/dispatch/service.py" line="569"/>
        <source>outcome &apos;{outcome}&apos;: one of {outcomes}</source>
        <translation>afloop &apos;{outcome}&apos;: een van {outcomes}</translation>
    </message>
    <message>
        <location filename="../../console/dispatch/service.py" line="575"/>
        <source>there is no ANPR hit {hit}</source>
        <translation>er is geen ANPR-hit {hit}</translation>
    </message>
    <message>
        <location filename="../../console/dispatch/service.py" line="578"/>
        <source>ANPR hit {hit} was already checked: {outcome} ({by})</source>
        <translation>ANPR-hit {hit} werd al gecontroleerd: {outcome} ({by})</translation>
    </message>
    <message>
        <location filename="../../console/dispatch/service.py" line="594"/>
        <source>{plate} ({country}) on ‘{list}’: {why}. Read by {camera}, {direction}, {confidence}; list owner {owner}.</source>
        <translation>{plate} ({country}) op ‘{list}’: {why}. Gelezen door {camera}, {direction}, {confidence}; eigenaar van de lijst: {owner}.</translation>
    </message>
    <message>
        <location filename="../../console/dispatch/service.py" line="643"/>
        <source>read before as hit {hit}, not yet checked</source>
        <translation>eerder gelezen als hit {hit}, nog niet gecontroleerd</translation>
    </message>
    <message>
        <location filename="../../console/dispatch/service.py" line="645"/>
        <source>read before as hit {hit}: confirmed by {user}, not made an incident</source>
        <translation>eerder gelezen als hit {hit}: bevestigd door {user}, nog geen incident van gemaakt</translation>
    </message>
    <message>
        <location filename="../../console/dispatch/service.py" line="648"/>
        <source>read before as hit {hit}: {outcome} by {user}, incident {incident}</source>
        <translation>eerder gelezen als hit {hit}: {outcome} door {user}, incident {incident}</translation>
    </message>
    <message>
        <location filename="../../console/dispatch/service.py" line="651"/>
        <source>read before as hit {hit}: {outcome} by {user}</source>
        <translation>eerder gelezen als hit {hit}: {outcome} door {user}</translation>
    </message>
    <message>
        <location filename="../../console/ptz/lease.py" line="60"/>
        <source>{name} ({role}, {workstation})</source>
        <translation>{name} ({role}, {workstation})</translation>
    </message>
    <message>
        <location filename="../../console/ptz/lease.py" line="62"/>
        <source>tour {tour} ({holder})</source>
        <translation>ronde {tour} ({holder})</translation>
    </message>
    <message>
        <location filename="../../console/ptz/lease.py" line="99"/>
        <location filename="../../console/services/ptz_control.py" line="67"/>
        <location filename="../../console/services/ptz_control.py" line="81"/>
        <source>{holder} controls this camera</source>
        <translation>{holder} bestuurt deze camera</translation>
    </message>
    <message>
        <location filename="../../console/ptz/lease.py" line="101"/>
        <source>taken over from {holder}</source>
        <translation>overgenomen van {holder}</translation>
    </message>
    <message>
        <location filename="../../console/ptz/lease.py" line="103"/>
        <source>renewed</source>
        <translation>verlengd</translation>
    </message>
    <message>
        <location filename="../../console/ptz/lease.py" line="104"/>
        <source>granted</source>
        <translation>toegekend</translation>
    </message>
    <message>
        <location filename="../../console/ptz/lease.py" line="233"/>
        <source>released after {seconds} s without input</source>
        <translation>vrijgegeven na {seconds} s zonder invoer</translation>
    </message>
    <message>
        <location filename="../../console/ptz/lease.py" line="236"/>
        <location filename="../../console/services/ptz_control.py" line="183"/>
        <source>{holder} released control</source>
        <translation>{holder} gaf de besturing vrij</translation>
    </message>
    <message>
        <location filename="../../console/ptz/lease.py" line="238"/>
        <source>{holder} took control</source>
        <translation>{holder} nam de besturing</translation>
    </message>
    <message>
        <location filename="../../console/ptz/lease.py" line="240"/>
        <source>{holder} took over from {previous}</source>
        <translation>{holder} nam over van {previous}</translation>
    </message>
    <message>
        <location filename="../../console/services/accountability.py" line="32"/>
        <location filename="../../console/services/recordings.py" line="328"/>
        <location filename="../../console/services/recordings.py" line="469"/>
        <source>the desk is locked: unlock it first</source>
        <translation>de werkpost is vergrendeld: ontgrendel hem eerst</translation>
    </message>
    <message>
        <location filename="../../console/services/accountability.py" line="275"/>
        <source>the audit log cannot be written ({error}): nothing new is shown or moved</source>
        <translation>de auditlog kan niet geschreven worden ({error}): niets nieuws wordt getoond of bewogen</translation>
    </message>
    <message>
        <location filename="../../console/services/accountability.py" line="296"/>
        <source>the audit log cannot be written ({error}): the action was not carried out</source>
        <translation>de auditlog kan niet geschreven worden ({error}): de handeling werd niet uitgevoerd</translation>
    </message>
    <message>
        <location filename="../../console/services/alerts.py" line="47"/>
        <source>newest {plate} ({country}) on ‘{list}’ at {where}</source>
        <translation>nieuwste {plate} ({country}) op ‘{list}’ bij {where}</translation>
    </message>
    <message>
        <location filename="../../console/services/alerts.py" line="55"/>
        <source>{hit}; {before}</source>
        <translation>{hit}; {before}</translation>
    </message>
    <message>
        <location filename="../../console/services/alerts.py" line="66"/>
        <source>{alert} ({late} over {limit} min)</source>
        <translation>{alert} ({late} langer dan {limit} min)</translation>
    </message>
    <message>
        <location filename="../../console/services/alerts.py" line="75"/>
        <source>{plate} at {where} {ago} ago – incident {incident}</source>
        <translation>{plate} bij {where}, {ago} geleden – incident {incident}</translation>
    </message>
    <message>
        <location filename="../../console/services/alerts.py" line="63"/>
        <source>{incident} {type}, {where} – waiting {waited}</source>
        <translation>{incident} {type}, {where} – wacht {waited}</translation>
    </message>
    <message>
        <location filename="../../console/services/evidence.py" line="46"/>
        <source>Not done: {error}</source>
        <translation>Niet gedaan: {error}</translation>
    </message>
    <message>
        <location filename="../../console/services/evidence.py" line="51"/>
        <source>Snapshot: the streams of {camera} are not known yet</source>
        <translation>Momentopname: de streams van {camera} zijn nog niet gekend</translation>
    </message>
    <message>
        <location filename="../../console/services/evidence.py" line="56"/>
        <source>Snapshot of {camera}…</source>
        <translation>Momentopname van {camera}…</translation>
    </message>
    <message>
        <location filename="../../console/services/evidence.py" line="63"/>
        <source>Snapshot failed: {error}</source>
        <translation>Momentopname mislukt: {error}</translation>
    </message>
    <message>
        <location filename="../../console/services/evidence.py" line="89"/>
        <source>Snapshot not saved: {error}</source>
        <translation>Momentopname niet bewaard: {error}</translation>
    </message>
    <message>
        <location filename="../../console/services/evidence.py" line="93"/>
        <source>Snapshot kept as evidence: {file}</source>
        <translation>Momentopname bewaard als bewijs: {file}</translation>
    </message>
    <message>
        <location filename="../../console/services/ptz_control.py" line="68"/>
        <source>take control first (P)</source>
        <translation>neem eerst de besturing (P)</translation>
    </message>
    <message>
        <location filename="../../console/services/room_leases.py" line="197"/>
        <source>PTZ control cannot reach the store: {error}</source>
        <translation>PTZ-besturing bereikt de gegevensopslag niet: {error}</translation>
    </message>
    <message>
        <location filename="../../console/audit/log.py" line="126"/>
        <source>{count} entries, chain intact</source>
        <translation>{count} regels, keten intact</translation>
    </message>
    <message>
        <location filename="../../console/audit/log.py" line="127"/>
        <source>{count} entries, chain intact; {cuts}</source>
        <translation>{count} regels, keten intact; {cuts}</translation>
    </message>
    <message>
        <location filename="../../console/audit/log.py" line="128"/>
        <source>entry {entry}: {problem}</source>
        <translation>regel {entry}: {problem}</translation>
    </message>
    <message>
        <location filename="../../console/audit/log.py" line="129"/>
        <source>the log&apos;s head ({file}) is missing: it may hide removals</source>
        <translation>de kop van de log ({file}) ontbreekt: hij kan verwijderde regels verbergen</translation>
    </message>
    <message>
        <location filename="../../console/audit/log.py" line="130"/>
        <source>the log&apos;s witness ({file}) is missing beside its head: it may hide a head set back</source>
        <translation>de getuige van de log ({file}) ontbreekt naast de kop: hij kan een teruggezette kop verbergen</translation>
    </message>
    <message>
        <location filename="../../console/audit/log.py" line="132"/>
        <source>removed: the head was set back to entry {seq}, its witness saw entry {seen}</source>
        <translation>verwijderd: de kop is teruggezet naar regel {seq}, de getuige zag regel {seen}</translation>
    </message>
    <message>
        <location filename="../../console/audit/log.py" line="134"/>
        <source>removed: the log ends at {count}, it had {newest} entries</source>
        <translation>verwijderd: de log eindigt bij {count}, hij had {newest} regels</translation>
    </message>
    <message>
        <location filename="../../console/audit/log.py" line="135"/>
        <source>the entry does not match the log&apos;s head or its witness (replaced)</source>
        <translation>de regel komt niet overeen met de kop van de log of de getuige (vervangen)</translation>
    </message>
    <message>
        <location filename="../../console/audit/log.py" line="136"/>
        <source>removed (the next entry is {seq})</source>
        <translation>verwijderd (de volgende regel is {seq})</translation>
    </message>
    <message>
        <location filename="../../console/audit/log.py" line="137"/>
        <source>not chained to the entry before it (reordered or replaced)</source>
        <translation>niet geketend aan de regel ervoor (van volgorde veranderd of vervangen)</translation>
    </message>
    <message>
        <location filename="../../console/audit/log.py" line="138"/>
        <source>changed after it was written</source>
        <translation>gewijzigd nadat de regel geschreven werd</translation>
    </message>
    <message>
        <location filename="../../console/audit/log.py" line="139"/>
        <source>cut recorded at entry {seq} by {user} ({utc}): the log ended at entry {end}; {finding}; note: {note}</source>
        <translation>snede vastgelegd in regel {seq} door {user} ({utc}): de log eindigde bij regel {end}; {finding}; notitie: {note}</translation>
    </message>
    <message>
        <location filename="../../console/audit/log.py" line="141"/>
        <source>heads lost</source>
        <translation>koppen verloren</translation>
    </message>
    <message>
        <location filename="../../console/audit/log.py" line="196"/>
        <source>the log&apos;s head ({file}) was not written with the log&apos;s key</source>
        <translation>de kop van de log ({file}) is niet met de sleutel van de log geschreven</translation>
    </message>
    <message>
        <location filename="../../console/audit/log.py" line="197"/>
        <source>the log&apos;s {file} is missing beside its {other}</source>
        <translation>{file} van de log ontbreekt naast {other}</translation>
    </message>
    <message>
        <location filename="../../console/audit/log.py" line="198"/>
        <source>the log&apos;s head ({file}) was set back to entry {seq}, its witness saw entry {seen}</source>
        <translation>de kop van de log ({file}) is teruggezet naar regel {seq}, de getuige zag regel {seen}</translation>
    </message>
    <message>
        <location filename="../../console/audit/log.py" line="201"/>
        <source>the log&apos;s {file} cannot be read: {why}</source>
        <translation>{file} van de log kan niet gelezen worden: {why}</translation>
    </message>
    <message>
        <location filename="../../console/audit/log.py" line="202"/>
        <source>line {line} of the log&apos;s {file} was not written with the log&apos;s key (forged or damaged)</source>
        <translation>lijn {line} van {file} is niet met de sleutel van de log geschreven (vervalst of beschadigd)</translation>
    </message>
    <message>
        <location filename="../../console/audit/log.py" line="354"/>
        <source>{finding} (audit verify says more; audit resume records the cut and goes on)</source>
        <translation>{finding} (audit verify zegt meer; audit resume legt de snede vast en gaat verder)</translation>
    </message>
    <message>
        <location filename="../../console/audit/log.py" line="382"/>
        <source>the chain itself is broken ({verdict}): only a cut at the end is resumed</source>
        <translation>de keten zelf is gebroken ({verdict}): enkel een snede aan het einde kan hervat worden</translation>
    </message>
    <message>
        <location filename="../../console/audit/log.py" line="422"/>
        <source>entries were removed: the log ends at entry {end}, this desk wrote or saw entry {seen}</source>
        <translation>er zijn regels verwijderd: de log eindigt bij regel {end}, deze werkpost schreef of zag regel {seen}</translation>
    </message>
    <message>
        <location filename="../../console/audit/log.py" line="426"/>
        <source>entry {seq} is not the one this desk wrote or saw: entries were replaced</source>
        <translation>regel {seq} is niet de regel die deze werkpost schreef of zag: er zijn regels vervangen</translation>
    </message>
    <message>
        <location filename="../../console/audit/log.py" line="435"/>
        <source>entry {next} does not chain onto entry {seq}: entries were removed or replaced</source>
        <translation>regel {next} sluit niet aan op regel {seq}: er zijn regels verwijderd of vervangen</translation>
    </message>
    <message>
        <location filename="../../console/audit/log.py" line="281"/>
        <location filename="../../console/audit/log.py" line="440"/>
        <source>entry {seq} was not written with the log&apos;s key (forged or changed)</source>
        <translation>regel {seq} is niet met de sleutel van de log geschreven (vervalst of gewijzigd)</translation>
    </message>
    <message>
        <location filename="../../console/dispatch/timeline.py" line="74"/>
        <source>{unit} arrived</source>
        <translation>{unit} aangekomen</translation>
    </message>
    <message>
        <location filename="../../console/dispatch/timeline.py" line="75"/>
        <source>every unit stood down</source>
        <translation>alle ploegen teruggetrokken</translation>
    </message>
    <message>
        <location filename="../../console/dispatch/timeline.py" line="76"/>
        <source>into {incident}</source>
        <translation>in {incident}</translation>
    </message>
    <message>
        <location filename="../../console/dispatch/timeline.py" line="77"/>
        <source>units merged in</source>
        <translation>ploegen overgenomen bij samenvoeging</translation>
    </message>
    <message>
        <location filename="../../console/dispatch/timeline.py" line="78"/>
        <source>a unit is on scene</source>
        <translation>een ploeg is ter plaatse</translation>
    </message>
    <message>
        <location filename="../../console/dispatch/timeline.py" line="102"/>
        <source>from {source}: {type}, priority {priority}</source>
        <translation>via {source}: {type}, prioriteit {priority}</translation>
    </message>
    <message>
        <location filename="../../console/dispatch/timeline.py" line="108"/>
        <source>{before} → {after}</source>
        <translation>{before} → {after}</translation>
    </message>
    <message>
        <location filename="../../console/dispatch/timeline.py" line="118"/>
        <source>{change} ({why})</source>
        <translation>{change} ({why})</translation>
    </message>
    <message>
        <location filename="../../console/dispatch/timeline.py" line="123"/>
        <source>{unit} cleared (available)</source>
        <translation>{unit} vrijgegeven (beschikbaar)</translation>
    </message>
    <message>
        <location filename="../../console/dispatch/timeline.py" line="124"/>
        <source>{unit} {state}</source>
        <translation>{unit} {state}</translation>
    </message>
    <message>
        <location filename="../../console/dispatch/timeline.py" line="133"/>
        <source>{field}: {old} → {new}</source>
        <translation>{field}: {old} → {new}</translation>
    </message>
    <message>
        <location filename="../../console/dispatch/timeline.py" line="139"/>
        <source>{incident} merged into this incident; units {units} moved here</source>
        <translation>{incident} samengevoegd met dit incident; ploegen {units} hierheen overgezet</translation>
    </message>
    <message>
        <location filename="../../console/dispatch/timeline.py" line="141"/>
        <source>{incident} merged into this incident</source>
        <translation>{incident} samengevoegd met dit incident</translation>
    </message>
    <message>
        <location filename="../../console/dispatch/timeline.py" line="145"/>
        <source>{plate} read again by {camera} ({direction}, {confidence})</source>
        <translation>{plate} opnieuw gelezen door {camera} ({direction}, {confidence})</translation>
    </message>
    <message>
        <location filename="../../console/dispatch/timeline.py" line="153"/>
        <source>{unit} dispatched</source>
        <translation>{unit} gestuurd</translation>
    </message>
    <message>
        <location filename="../../console/dispatch/timeline.py" line="156"/>
        <source>camera {camera} linked</source>
        <translation>camera {camera} gekoppeld</translation>
    </message>
    <message>
        <location filename="../../console/dispatch/timeline.py" line="158"/>
        <source>snapshot of {camera}: {file} (SHA-256 {sha256}…)</source>
        <translation>momentopname van {camera}: {file} (SHA-256 {sha256}…)</translation>
    </message>
    <message>
        <location filename="../../console/dispatch/timeline.py" line="171"/>
        <source>priority 1 acknowledged by {user}</source>
        <translation>prioriteit 1 bevestigd door {user}</translation>
    </message>
    <message>
        <location filename="../../console/services/recordings.py" line="99"/>
        <source>administrative police may consult recordings during at most {law} days (the law); {days} configured</source>
        <translation>de bestuurlijke politie mag opnames hoogstens {law} dagen raadplegen (de wet); ingesteld: {days}</translation>
    </message>
    <message>
        <location filename="../../console/services/recordings.py" line="248"/>
        <source>the recipient</source>
        <translation>de ontvanger</translation>
    </message>
    <message>
        <location filename="../../console/services/recordings.py" line="256"/>
        <source>nothing of {camera} between {start} and {to} can be read</source>
        <translation>niets van {camera} tussen {start} en {to} kan gelezen worden</translation>
    </message>
    <message>
        <location filename="../../console/services/recordings.py" line="257"/>
        <source>nothing of {camera} is recorded between {start} and {to}</source>
        <translation>van {camera} is niets opgenomen tussen {start} en {to}</translation>
    </message>
    <message>
        <location filename="../../console/services/recordings.py" line="286"/>
        <source>{folder} is not an empty folder: an export goes into a new or empty one</source>
        <translation>{folder} is geen lege map: een export komt in een nieuwe of lege map</translation>
    </message>
    <message>
        <location filename="../../console/services/recordings.py" line="294"/>
        <source>the folder {folder} cannot be written: {error}</source>
        <translation>in de map {folder} kan niet geschreven worden: {error}</translation>
    </message>
    <message>
        <location filename="../../console/services/recordings.py" line="79"/>
        <source>administrative police may consult recordings only during their first {limit} days; this footage is {days} days old: it needs a judicial reason with the reference of the prosecutor&apos;s or investigating judge&apos;s decision</source>
        <translation>de bestuurlijke politie mag opnames alleen raadplegen tijdens hun eerste {limit} dagen; deze beelden zijn {days} dagen oud: daarvoor is een reden van gerechtelijke politie nodig met de referentie van de beslissing van de procureur of onderzoeksrechter</translation>
    </message>
    <message>
        <location filename="../../console/services/recordings.py" line="86"/>
        <source>there is no camera or device &apos;{camera}&apos; (did you mean {suggestion}?)</source>
        <translation>er is geen camera of toestel &apos;{camera}&apos; (bedoelt u {suggestion}?)</translation>
    </message>
    <message>
        <location filename="../../console/services/recordings.py" line="342"/>
        <source>footage older than {limit} days is consulted only with the reference of the prosecutor&apos;s or investigating judge&apos;s decision; this footage is {days} days old</source>
        <translation>beelden ouder dan {limit} dagen worden alleen geraadpleegd met de referentie van de beslissing van de procureur of onderzoeksrechter; deze beelden zijn {days} dagen oud</translation>
    </message>
    <message>
        <location filename="../../console/services/recordings.py" line="363"/>
        <source>name at least one camera</source>
        <translation>noem minstens één camera</translation>
    </message>
    <message>
        <location filename="../../console/services/recordings.py" line="372"/>
        <source>there is no camera or device &apos;{camera}&apos;</source>
        <translation>er is geen camera of toestel &apos;{camera}&apos;</translation>
    </message>
    <message>
        <location filename="../../console/services/recordings.py" line="423"/>
        <source>the recipient is {length} characters long; at most {limit}</source>
        <translation>de ontvanger is {length} tekens lang; hoogstens {limit}</translation>
    </message>
    <message>
        <location filename="../../console/services/evidence_locks.py" line="51"/>
        <source>a reason</source>
        <translation>een reden</translation>
    </message>
    <message>
        <location filename="../../console/services/evidence_locks.py" line="52"/>
        <source>the judicial file&apos;s reference</source>
        <translation>de referentie van het gerechtelijk dossier</translation>
    </message>
    <message>
        <location filename="../../console/services/evidence_locks.py" line="59"/>
        <source>an evidence lock needs {what}</source>
        <translation>een bewijsvergrendeling vraagt {what}</translation>
    </message>
    <message>
        <location filename="../../console/services/evidence_locks.py" line="72"/>
        <source>an evidence lock names at least one camera</source>
        <translation>een bewijsvergrendeling noemt minstens één camera</translation>
    </message>
    <message>
        <location filename="../../console/services/evidence_locks.py" line="74"/>
        <source>an evidence lock names at most {count} cameras</source>
        <translation>een bewijsvergrendeling noemt hoogstens {count} camera&apos;s</translation>
    </message>
    <message>
        <location filename="../../console/services/evidence_locks.py" line="77"/>
        <source>an evidence lock serves one incident or one judicial file (--incident or --file), not both and not neither</source>
        <translation>een bewijsvergrendeling dient één incident of één gerechtelijk dossier (--incident of --file), niet allebei en niet geen van beide</translation>
    </message>
    <message>
        <location filename="../../console/services/evidence_locks.py" line="83"/>
        <location filename="../../console/services/footage_import.py" line="98"/>
        <source>&apos;{incident}&apos; is not an incident number (like 2026-0042)</source>
        <translation>&apos;{incident}&apos; is geen incidentnummer (zoals 2026-0042)</translation>
    </message>
    <message>
        <location filename="../../console/services/evidence_locks.py" line="111"/>
        <source>there is no camera or imported device &apos;{camera}&apos;{hint}</source>
        <translation>er is geen camera of geïmporteerd toestel &apos;{camera}&apos;{hint}</translation>
    </message>
    <message>
        <location filename="../../console/services/evidence_locks.py" line="134"/>
        <source>only the team chief or the data-protection officer releases an evidence lock (you are signed in as {role})</source>
        <translation>alleen de teamchef of de functionaris voor gegevensbescherming heft een bewijsvergrendeling op (u bent aangemeld als {role})</translation>
    </message>
    <message>
        <location filename="../../console/services/evidence_locks.py" line="138"/>
        <location filename="../../console/services/evidence_locks.py" line="146"/>
        <source>there is no evidence lock {lock}</source>
        <translation>er is geen bewijsvergrendeling {lock}</translation>
    </message>
    <message>
        <location filename="../../console/services/evidence_locks.py" line="148"/>
        <source>evidence lock {lock} was released already ({when}, by {user})</source>
        <translation>bewijsvergrendeling {lock} is al opgeheven ({when}, door {user})</translation>
    </message>
    <message>
        <location filename="../../console/services/recording_time.py" line="27"/>
        <source>{what}: &apos;{text}&apos; is not a time; write it as ISO 8601 in UTC, e.g. 2026-12-05T10:00:00Z</source>
        <translation>{what}: &apos;{text}&apos; is geen tijdstip; schrijf het als ISO 8601 in UTC, bv. 2026-12-05T10:00:00Z</translation>
    </message>
    <message>
        <location filename="../../console/services/recording_time.py" line="30"/>
        <source>{what}: &apos;{text}&apos; is not in UTC; end it with Z, e.g. 2026-12-05T10:00:00Z</source>
        <translation>{what}: &apos;{text}&apos; staat niet in UTC; eindig met Z, bv. 2026-12-05T10:00:00Z</translation>
    </message>
    <message>
        <location filename="../../console/services/recording_time.py" line="54"/>
        <source>the span ends ({end}) before it starts ({start})</source>
        <translation>de periode eindigt ({end}) voor ze begint ({start})</translation>
    </message>
    <message>
        <location filename="../../console/services/recording_time.py" line="57"/>
        <source>the span starts in the future ({start}; it is now {now})</source>
        <translation>de periode begint in de toekomst ({start}; het is nu {now})</translation>
    </message>
    <message>
        <location filename="../../console/services/recording_time.py" line="60"/>
        <source>the span ends in the future ({end}; it is now {now})</source>
        <translation>de periode eindigt in de toekomst ({end}; het is nu {now})</translation>
    </message>
    <message>
        <location filename="../../console/services/retention.py" line="263"/>
        <source>the evidence folder {folder} cannot be read: {error}</source>
        <translation>de bewijsmap {folder} kan niet gelezen worden: {error}</translation>
    </message>
    <message>
        <location filename="../../console/services/retention.py" line="354"/>
        <source>{camera}: {file} was missing already; its record is removed</source>
        <translation>{camera}: {file} ontbrak al; de registratie ervan is verwijderd</translation>
    </message>
    <message>
        <location filename="../../console/services/retention.py" line="359"/>
        <source>{camera}: {file} could not be deleted ({error}); it is tried again at the next sweep</source>
        <translation>{camera}: {file} kon niet gewist worden ({error}); dat wordt bij de volgende opruiming opnieuw geprobeerd</translation>
    </message>
    <message>
        <location filename="../../console/services/footage_import.py" line="82"/>
        <source>the source is one of bodycam, drone, other (not &apos;{source}&apos;)</source>
        <translation>de bron is bodycam, drone of other (niet &apos;{source}&apos;)</translation>
    </message>
    <message>
        <location filename="../../console/services/footage_import.py" line="85"/>
        <source>a device id is 1 to 64 lower-case letters, digits and &apos;-&apos;, like a camera&apos;s (not &apos;{device}&apos;)</source>
        <translation>een toestel-id is 1 tot 64 kleine letters, cijfers en &apos;-&apos;, zoals dat van een camera (niet &apos;{device}&apos;)</translation>
    </message>
    <message>
        <location filename="../../console/services/footage_import.py" line="89"/>
        <location filename="../../console/services/footage_import.py" line="166"/>
        <source>&apos;{device}&apos; is a camera&apos;s id: an imported device needs an id of its own (e.g. bodycam-{device})</source>
        <translation>&apos;{device}&apos; is het id van een camera: een geïmporteerd toestel krijgt een eigen id (bv. bodycam-{device})</translation>
    </message>
    <message>
        <location filename="../../console/services/footage_import.py" line="92"/>
        <source>the footage starts in the future ({start}; it is now {now})</source>
        <translation>de beelden beginnen in de toekomst ({start}; het is nu {now})</translation>
    </message>
    <message>
        <location filename="../../console/services/footage_import.py" line="95"/>
        <source>the footage is older than the law&apos;s 12 months ({start}): it may no longer be kept</source>
        <translation>de beelden zijn ouder dan de wettelijke 12 maanden ({start}): ze mogen niet meer bewaard worden</translation>
    </message>
    <message>
        <location filename="../../console/services/footage_import.py" line="110"/>
        <source>{file} is refused: {problem}</source>
        <translation>{file} geweigerd: {problem}</translation>
    </message>
    <message>
        <location filename="../../console/services/footage_import.py" line="115"/>
        <location filename="../../console/services/footage_import.py" line="140"/>
        <source>{file} is refused: it {problem}</source>
        <translation>{file} geweigerd: het bestand {problem}</translation>
    </message>
    <message>
        <location filename="../../console/services/footage_import.py" line="119"/>
        <source>the footage would end in the future ({end}; it is now {now}): is its start right?</source>
        <translation>de beelden zouden in de toekomst eindigen ({end}; het is nu {now}): klopt het begin?</translation>
    </message>
    <message>
        <location filename="../../console/services/footage_import.py" line="170"/>
        <source>device &apos;{device}&apos; was imported as a {source} before: give this {new} an id of its own</source>
        <translation>toestel &apos;{device}&apos; werd eerder als {source} geïmporteerd: geef deze {new} een eigen id</translation>
    </message>
    <message>
        <location filename="../../console/services/footage_import.py" line="175"/>
        <source>device &apos;{device}&apos; already has footage from {start} to {end}: this file overlaps it (imported already?)</source>
        <translation>toestel &apos;{device}&apos; heeft al beelden van {start} tot {end}: dit bestand overlapt ermee (al geïmporteerd?)</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_window.py" line="577"/>
        <source>choose the reason for playing back (its kind and category), then &apos;Play under this reason&apos;</source>
        <translation>kies de reden om terug te kijken (soort en categorie), dan &apos;Terugkijken met deze reden&apos;</translation>
    </message>
    <message>
        <location filename="../../console/alarms/model.py" line="100"/>
        <location filename="../../console/alarms/model.py" line="107"/>
        <source>This alarm is already closed.</source>
        <translation>Dit alarm is al afgesloten.</translation>
    </message>
    <message>
        <location filename="../../console/alarms/model.py" line="102"/>
        <location filename="../../console/services/alarm_queue.py" line="166"/>
        <source>{user} has already taken this alarm.</source>
        <translation>{user} heeft dit alarm al genomen.</translation>
    </message>
    <message>
        <location filename="../../console/alarms/model.py" line="109"/>
        <source>Name the incident this alarm belongs to.</source>
        <translation>Geef het incident waar dit alarm bij hoort.</translation>
    </message>
    <message>
        <location filename="../../console/services/alarm_queue.py" line="58"/>
        <source>Alarm {alarm} does not exist.</source>
        <translation>Alarm {alarm} bestaat niet.</translation>
    </message>
    <message>
        <location filename="../../console/services/alarm_queue.py" line="149"/>
        <location filename="../../console/services/alarm_queue.py" line="202"/>
        <source>Someone changed this alarm meanwhile: look again.</source>
        <translation>Iemand heeft dit alarm intussen gewijzigd: kijk opnieuw.</translation>
    </message>
    <message>
        <location filename="../../console/services/alarm_queue.py" line="164"/>
        <source>Only an alarm in progress can be handed back.</source>
        <translation>Alleen een alarm in behandeling kan teruggegeven worden.</translation>
    </message>
    <message>
        <location filename="../../console/services/alarm_queue.py" line="219"/>
        <source>This alarm was taken or escalated meanwhile.</source>
        <translation>Dit alarm is intussen genomen of doorgezet.</translation>
    </message>
    <message>
        <location filename="../../console/services/alarm_desk.py" line="32"/>
        <source>motion</source>
        <translation>beweging</translation>
    </message>
    <message>
        <location filename="../../console/services/alarm_desk.py" line="33"/>
        <source>tamper</source>
        <translation>sabotage</translation>
    </message>
    <message>
        <location filename="../../console/services/alarm_desk.py" line="34"/>
        <source>video loss</source>
        <translation>beeldverlies</translation>
    </message>
    <message>
        <location filename="../../console/services/alarm_desk.py" line="35"/>
        <source>frozen picture</source>
        <translation>bevroren beeld</translation>
    </message>
    <message>
        <location filename="../../console/services/alarm_desk.py" line="36"/>
        <source>Mobbox door open</source>
        <translation>Mobbox-deur open</translation>
    </message>
    <message>
        <location filename="../../console/services/alarm_desk.py" line="37"/>
        <source>Mobbox battery low</source>
        <translation>Mobbox-batterij bijna leeg</translation>
    </message>
    <message>
        <location filename="../../console/services/alarm_desk.py" line="38"/>
        <source>Mobbox uplink lost</source>
        <translation>Mobbox-verbinding weg</translation>
    </message>
    <message>
        <location filename="../../console/services/alarm_desk.py" line="39"/>
        <source>digital input</source>
        <translation>digitale ingang</translation>
    </message>
    <message>
        <location filename="../../console/services/alarm_desk.py" line="42"/>
        <source>tamper: lens covered</source>
        <translation>sabotage: lens afgedekt</translation>
    </message>
    <message>
        <location filename="../../console/services/alarm_desk.py" line="43"/>
        <source>tamper: picture moved</source>
        <translation>sabotage: beeld verdraaid</translation>
    </message>
    <message>
        <location filename="../../console/services/alarm_desk.py" line="44"/>
        <source>tamper: out of focus</source>
        <translation>sabotage: onscherp</translation>
    </message>
    <message>
        <location filename="../../console/services/alarm_desk.py" line="47"/>
        <source>false alarm</source>
        <translation>vals alarm</translation>
    </message>
    <message>
        <location filename="../../console/services/alarm_desk.py" line="48"/>
        <source>seen nothing</source>
        <translation>niets gezien</translation>
    </message>
    <message>
        <location filename="../../console/services/alarm_desk.py" line="49"/>
        <source>incident made</source>
        <translation>incident gemaakt</translation>
    </message>
    <message>
        <location filename="../../console/services/alarm_desk.py" line="50"/>
        <source>added to incident</source>
        <translation>bij incident gevoegd</translation>
    </message>
    <message>
        <location filename="../../console/services/alarm_desk.py" line="51"/>
        <source>technical fault</source>
        <translation>technisch defect</translation>
    </message>
    <message>
        <location filename="../../console/services/alarm_desk.py" line="52"/>
        <source>handled</source>
        <translation>afgehandeld</translation>
    </message>
    <message>
        <location filename="../../console/services/alarm_desk.py" line="55"/>
        <source>new</source>
        <translation>nieuw</translation>
    </message>
    <message>
        <location filename="../../console/services/alarm_desk.py" line="56"/>
        <source>in progress</source>
        <translation>in behandeling</translation>
    </message>
    <message>
        <location filename="../../console/services/alarm_desk.py" line="57"/>
        <source>closed</source>
        <translation>afgesloten</translation>
    </message>
    <message>
        <location filename="../../console/services/alarm_desk.py" line="66"/>
        <source>motion in zone {zone}</source>
        <translation>beweging in zone {zone}</translation>
    </message>
    <message>
        <location filename="../../console/services/alarm_desk.py" line="70"/>
        <source>Mobbox battery low ({percent}%)</source>
        <translation>Mobbox-batterij bijna leeg ({percent}%)</translation>
    </message>
    <message>
        <location filename="../../console/services/alarm_desk.py" line="73"/>
        <source>video loss (its relay was down)</source>
        <translation>beeldverlies (de relay lag uit)</translation>
    </message>
    <message>
        <location filename="../../console/services/alarm_desk.py" line="75"/>
        <source>digital input {input}</source>
        <translation>digitale ingang {input}</translation>
    </message>
    <message>
        <location filename="../../console/services/alarm_desk.py" line="86"/>
        <source>taken by {name}</source>
        <translation>genomen door {name}</translation>
    </message>
    <message>
        <location filename="../../console/services/alarm_desk.py" line="88"/>
        <source>closed: {outcome}</source>
        <translation>afgesloten: {outcome}</translation>
    </message>
    <message>
        <location filename="../../console/services/alarm_desk.py" line="155"/>
        <source>{alarm}: {what} on {camera}</source>
        <translation>{alarm}: {what} op {camera}</translation>
    </message>
    <message>
        <location filename="../../console/services/alarm_desk.py" line="158"/>
        <source>No picture was available.</source>
        <translation>Er was geen beeld beschikbaar.</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms.py" line="384"/>
        <source>newest {alarm}: {what} on {camera}, waiting {waited}</source>
        <translation>nieuwste {alarm}: {what} op {camera}, wacht {waited}</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms.py" line="393"/>
        <source>{alarm}: {what} on {camera}, not taken for {waited}</source>
        <translation>{alarm}: {what} op {camera}, al {waited} niet genomen</translation>
    </message>
    <message>
        <location filename="../../console/services/room_faults.py" line="61"/>
        <source>relay {name} ({address}) silent since {time}</source>
        <translation>relay {name} ({address}) geeft sinds {time} geen teken van leven</translation>
    </message>
    <message>
        <location filename="../../console/services/room_faults.py" line="64"/>
        <source>relay {name} ({address}) has not reported</source>
        <translation>relay {name} ({address}) heeft zich niet gemeld</translation>
    </message>
    <message>
        <location filename="../../console/services/room_faults.py" line="67"/>
        <source>{first}; also down: {others}</source>
        <translation>{first}; ook uitgevallen: {others}</translation>
    </message>
    <message>
        <location filename="../../console/services/room_faults.py" line="70"/>
        <source>no relay serves the cameras: each desk pulls them itself or waits</source>
        <translation>geen relay bedient de camera&apos;s: elke werkpost haalt ze zelf op of wacht</translation>
    </message>
    <message>
        <location filename="../../console/services/room_faults.py" line="71"/>
        <source>No relay</source>
        <translation>Geen relay</translation>
    </message>
    <message>
        <location filename="../../console/services/room_faults.py" line="73"/>
        <source>the room runs on one relay, without a spare: call IT</source>
        <translation>de zaal draait op één relay, zonder reserve: bel de ICT-dienst</translation>
    </message>
    <message>
        <location filename="../../console/services/room_faults.py" line="74"/>
        <source>{name} down, no spare</source>
        <translation>{name} uit, geen reserve</translation>
    </message>
    <message>
        <location filename="../../console/services/room_faults.py" line="75"/>
        <source>Relay down, no spare</source>
        <translation>Relay uit, geen reserve</translation>
    </message>
    <message>
        <location filename="../../console/services/room_faults.py" line="77"/>
        <source>the room runs on {live} of {total} relays: call IT</source>
        <translation>de zaal draait op {live} van de {total} relays: bel de ICT-dienst</translation>
    </message>
    <message>
        <location filename="../../console/services/room_faults.py" line="79"/>
        <source>Relay {name} down</source>
        <translation>Relay {name} uitgevallen</translation>
    </message>
    <message>
        <location filename="../../console/services/room_faults.py" line="80"/>
        <source>{count} relays down</source>
        <translation>{count} relays uitgevallen</translation>
    </message>
    <message>
        <location filename="../../console/services/room_faults.py" line="81"/>
        <source>{relay} – {room}</source>
        <translation>{relay} – {room}</translation>
    </message>
    <message>
        <location filename="../../console/onvif/client.py" line="56"/>
        <source>the camera&apos;s answer is larger than {megabytes} MB</source>
        <translation>het antwoord van de camera is groter dan {megabytes} MB</translation>
    </message>
    <message>
        <location filename="../../console/onvif/client.py" line="57"/>
        <source>no answer from {host} within {seconds} s</source>
        <translation>geen antwoord van {host} binnen {seconds} s</translation>
    </message>
    <message>
        <location filename="../../console/onvif/client.py" line="58"/>
        <source>the camera answered with an error that is not an ONVIF fault</source>
        <translation>de camera antwoordde met een fout die geen ONVIF-fout is</translation>
    </message>
    <message>
        <location filename="../../console/onvif/client.py" line="59"/>
        <source>not authorised: {message}</source>
        <translation>geen toegang: {message}</translation>
    </message>
    <message>
        <location filename="../../console/onvif/client.py" line="60"/>
        <source>not supported by the camera: {message}</source>
        <translation>niet ondersteund door de camera: {message}</translation>
    </message>
    <message>
        <location filename="../../console/onvif/client.py" line="61"/>
        <source>the camera refused: {message}</source>
        <translation>de camera weigerde: {message}</translation>
    </message>
    <message>
        <location filename="../../console/onvif/client.py" line="62"/>
        <source>not authorised: the camera refused the user name or password</source>
        <translation>geen toegang: de camera weigerde de gebruikersnaam of het wachtwoord</translation>
    </message>
    <message>
        <location filename="../../console/onvif/client.py" line="63"/>
        <source>the camera&apos;s answer is not valid ONVIF (not XML)</source>
        <translation>het antwoord van de camera is geen geldig ONVIF (geen XML)</translation>
    </message>
    <message>
        <location filename="../../console/onvif/client.py" line="64"/>
        <source>the camera answered HTTP {status}</source>
        <translation>de camera antwoordde HTTP {status}</translation>
    </message>
    <message>
        <location filename="../../console/onvif/client.py" line="65"/>
        <source>cannot reach {host}: connection refused</source>
        <translation>{host} onbereikbaar: verbinding geweigerd</translation>
    </message>
    <message>
        <location filename="../../console/onvif/client.py" line="66"/>
        <source>cannot reach {host}: no route to it</source>
        <translation>{host} onbereikbaar: geen route ernaartoe</translation>
    </message>
    <message>
        <location filename="../../console/onvif/client.py" line="67"/>
        <source>cannot reach {host}: its name is not known</source>
        <translation>{host} onbereikbaar: de naam is onbekend</translation>
    </message>
    <message>
        <location filename="../../console/onvif/client.py" line="68"/>
        <source>cannot reach {host}: {why}</source>
        <translation>{host} onbereikbaar: {why}</translation>
    </message>
    <message>
        <location filename="../../console/onvif/client.py" line="69"/>
        <source>the camera&apos;s answer is not valid ONVIF: {detail}</source>
        <translation>het antwoord van de camera is geen geldig ONVIF: {detail}</translation>
    </message>
    <message>
        <location filename="../../console/onvif/client.py" line="70"/>
        <source>the camera&apos;s answer is not valid ONVIF ({kind})</source>
        <translation>het antwoord van de camera is geen geldig ONVIF ({kind})</translation>
    </message>
    <message>
        <location filename="../../console/onvif/host.py" line="30"/>
        <source>the command failed ({kind})</source>
        <translation>de opdracht mislukte ({kind})</translation>
    </message>
    <message>
        <location filename="../../console/onvif/host.py" line="31"/>
        <source>the camera&apos;s answer is too large</source>
        <translation>het antwoord van de camera is te groot</translation>
    </message>
    <message>
        <location filename="../../console/onvif/models.py" line="107"/>
        <source>ONVIF: {error}</source>
        <translation>ONVIF: {error}</translation>
    </message>
    <message>
        <location filename="../../console/onvif/models.py" line="108"/>
        <source>ONVIF has not answered yet</source>
        <translation>ONVIF heeft nog niet geantwoord</translation>
    </message>
    <message>
        <location filename="../../console/onvif/process.py" line="41"/>
        <source>the ONVIF process stopped; starting it again</source>
        <translation>het ONVIF-proces is gestopt; het start opnieuw</translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <location filename="../../console/ui/main_window.py" line="127"/>
        <source>Uitkijk – keyboard and mouse</source>
        <translation>Uitkijk – toetsenbord en muis</translation>
    </message>
</context>
<context>
    <name>HitListModel</name>
    <message>
        <location filename="../../console/ui/dispatch/models.py" line="340"/>
        <source>Time</source>
        <translation>Tijd</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/models.py" line="341"/>
        <source>Plate</source>
        <translation>Plaat</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/models.py" line="342"/>
        <source>List</source>
        <translation>Lijst</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/models.py" line="343"/>
        <source>Camera</source>
        <translation>Camera</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/models.py" line="344"/>
        <source>Confidence</source>
        <translation>Zekerheid</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/models.py" line="345"/>
        <source>Check</source>
        <translation>Controle</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/models.py" line="371"/>
        <source>{check} · before: {outcome}</source>
        <translation>{check} · eerder: {outcome}</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/models.py" line="366"/>
        <location filename="../../console/ui/dispatch/models.py" line="372"/>
        <source>to check</source>
        <translation>te controleren</translation>
    </message>
</context>
<context>
    <name>HitView</name>
    <message>
        <location filename="../../console/ui/dispatch/forms.py" line="565"/>
        <location filename="../../console/ui/dispatch/forms.py" line="616"/>
        <source>Select a hit to compare the read with the images.</source>
        <translation>Kies een hit om de lezing met de beelden te vergelijken.</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/forms.py" line="571"/>
        <source>plate crop</source>
        <translation>uitsnede nummerplaat</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/forms.py" line="572"/>
        <source>overview</source>
        <translation>overzicht</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/forms.py" line="580"/>
        <source>Confirmed</source>
        <translation>Bevestigd</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/forms.py" line="582"/>
        <source>Misread</source>
        <translation>Verkeerd gelezen</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/forms.py" line="583"/>
        <source>Wrong list entry</source>
        <translation>Foute lijstregel</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/forms.py" line="588"/>
        <source>Make incident</source>
        <translation>Incident maken</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/forms.py" line="590"/>
        <source>Camera on the wall</source>
        <translation>Camera op de wand</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/forms.py" line="600"/>
        <source>already checked: {outcome}</source>
        <translation>al gecontroleerd: {outcome}</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/forms.py" line="602"/>
        <source>select a hit first</source>
        <translation>kies eerst een hit</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/forms.py" line="604"/>
        <source>Record the check of this read</source>
        <translation>De controle van deze lezing vastleggen</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/forms.py" line="608"/>
        <source>it already became incident {incident}</source>
        <translation>werd al incident {incident}</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/forms.py" line="610"/>
        <source>confirm the read against the image first</source>
        <translation>bevestig eerst de lezing aan de hand van het beeld</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/forms.py" line="613"/>
        <source>An incident from this confirmed hit</source>
        <translation>Een incident vanuit deze bevestigde hit</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/forms.py" line="614"/>
        <source>The hit&apos;s camera on the wall</source>
        <translation>De camera van de hit op de wand</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/forms.py" line="622"/>
        <source>compare the read with the image, then record the check</source>
        <translation>vergelijk de lezing met het beeld en leg dan de controle vast</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/forms.py" line="625"/>
        <source>checked: &lt;b&gt;{outcome}&lt;/b&gt; by {user}</source>
        <translation>gecontroleerd: &lt;b&gt;{outcome}&lt;/b&gt; door {user}</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/forms.py" line="626"/>
        <source>, incident {incident}</source>
        <translation>, incident {incident}</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/forms.py" line="629"/>
        <source>inbound</source>
        <translation>inkomend</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/forms.py" line="630"/>
        <source>outbound</source>
        <translation>uitgaand</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/forms.py" line="631"/>
        <source>direction unknown</source>
        <translation>richting onbekend</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/forms.py" line="637"/>
        <source>&lt;span style=&apos;font-size:15pt&apos;&gt;&lt;b&gt;{read}&lt;/b&gt;&lt;/span&gt; ({country}) read at {confidence} · list plate &lt;b&gt;{plate}&lt;/b&gt;</source>
        <translation>&lt;span style=&apos;font-size:15pt&apos;&gt;&lt;b&gt;{read}&lt;/b&gt;&lt;/span&gt; ({country}) gelezen met {confidence} · plaat op de lijst &lt;b&gt;{plate}&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/forms.py" line="641"/>
        <source>List &lt;b&gt;{list}&lt;/b&gt;: {why}&lt;br&gt;owner {owner}, entry until {until}</source>
        <translation>Lijst &lt;b&gt;{list}&lt;/b&gt;: {why}&lt;br&gt;eigenaar {owner}, regel geldig tot {until}</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/forms.py" line="650"/>
        <source>no plate crop sent</source>
        <translation>geen uitsnede van de plaat ontvangen</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/forms.py" line="651"/>
        <source>no overview image sent</source>
        <translation>geen overzichtsbeeld ontvangen</translation>
    </message>
</context>
<context>
    <name>IncidentForm</name>
    <message>
        <location filename="../../console/ui/dispatch/forms.py" line="268"/>
        <source>1 – urgent</source>
        <translation>1 – dringend</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/forms.py" line="268"/>
        <source>2 – normal</source>
        <translation>2 – normaal</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/forms.py" line="268"/>
        <source>3 – low</source>
        <translation>3 – laag</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/forms.py" line="281"/>
        <source>Type</source>
        <translation>Aard</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/forms.py" line="283"/>
        <source>street and number, or a place</source>
        <translation>straat en nummer, of een plaats</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/forms.py" line="296"/>
        <source>Where</source>
        <translation>Waar</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/forms.py" line="298"/>
        <source>name and call-back number</source>
        <translation>naam en terugbelnummer</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/forms.py" line="299"/>
        <source>Caller</source>
        <translation>Melder</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/forms.py" line="301"/>
        <source>what is happening, who, which way they went</source>
        <translation>wat gebeurt er, wie, welke richting ze uit gingen</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/forms.py" line="304"/>
        <source>What</source>
        <translation>Wat</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/forms.py" line="306"/>
        <source>PV / report number</source>
        <translation>PV-nummer</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/forms.py" line="308"/>
        <source>outcome (needed to close)</source>
        <translation>afloop (nodig om af te sluiten)</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/forms.py" line="312"/>
        <source>Report</source>
        <translation>PV</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/forms.py" line="228"/>
        <location filename="../../console/ui/dispatch/forms.py" line="364"/>
        <source>Create incident</source>
        <translation>Incident aanmaken</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/forms.py" line="230"/>
        <source>New (Ctrl+I)</source>
        <translation>Nieuw (Ctrl+I)</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/forms.py" line="231"/>
        <source>The form for a new incident (what you typed for another one stays with it)</source>
        <translation>Het formulier voor een nieuw incident (wat u bij een ander incident typte, blijft daar staan)</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/forms.py" line="233"/>
        <source>Dispatch</source>
        <translation>Sturen</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/forms.py" line="235"/>
        <source>Video follows (V)</source>
        <translation>Beeld volgt (V)</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/forms.py" line="236"/>
        <source>Link selected tile</source>
        <translation>Tegel koppelen</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/forms.py" line="237"/>
        <source>Recordings</source>
        <translation>Opnames</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/forms.py" line="238"/>
        <source>Close</source>
        <translation>Afsluiten</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/forms.py" line="239"/>
        <source>Cancel incident</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/forms.py" line="241"/>
        <source>Merge into</source>
        <translation>Samenvoegen met</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/forms.py" line="320"/>
        <source>Discard changes</source>
        <translation>Wijzigingen verwerpen</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/forms.py" line="321"/>
        <source>Show the record&apos;s values again; what you typed here is dropped</source>
        <translation>Toont opnieuw wat bewaard is; wat u hier typte, vervalt</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/forms.py" line="336"/>
        <source>add a note to the timeline (Enter)</source>
        <translation>een notitie aan het verloop toevoegen (Enter)</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/forms.py" line="364"/>
        <source>Save changes</source>
        <translation>Bewaren</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/forms.py" line="528"/>
        <source>New incident – fill in type and place, then Create</source>
        <translation>Nieuw incident – vul aard en plaats in, dan Aanmaken</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/forms.py" line="490"/>
        <source>{field} was changed on another desk by {user}; your text is kept: Save to keep it</source>
        <translation>{field} werd op een andere werkpost gewijzigd door {user}; uw tekst blijft staan: Bewaren om hem te houden</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/forms.py" line="492"/>
        <source>{field} was changed on another desk; your text is kept: Save to keep it</source>
        <translation>{field} werd op een andere werkpost gewijzigd; uw tekst blijft staan: Bewaren om hem te houden</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/forms.py" line="495"/>
        <source>unsaved: {fields}</source>
        <translation>niet bewaard: {fields}</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/forms.py" line="475"/>
        <source>type</source>
        <translation>aard</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/forms.py" line="475"/>
        <source>priority</source>
        <translation>prioriteit</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/forms.py" line="475"/>
        <source>where</source>
        <translation>waar</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/forms.py" line="290"/>
        <location filename="../../console/ui/dispatch/forms.py" line="476"/>
        <source>area</source>
        <translation>zone</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/forms.py" line="476"/>
        <source>caller</source>
        <translation>melder</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/forms.py" line="476"/>
        <source>what</source>
        <translation>wat</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/forms.py" line="477"/>
        <source>report number</source>
        <translation>PV-nummer</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/forms.py" line="477"/>
        <source>outcome</source>
        <translation>afloop</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/forms.py" line="531"/>
        <source>no unit</source>
        <translation>geen ploeg</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/forms.py" line="532"/>
        <source>from {source}, {time} by {user}</source>
        <translation>{time} via {source} ({user})</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/forms.py" line="535"/>
        <source> · merged into {incident}</source>
        <translation> · samengevoegd met {incident}</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/forms.py" line="540"/>
        <source> · snapshots: {count}</source>
        <translation> · momentopnames: {count}</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/forms.py" line="544"/>
        <source>Cameras: {cameras}</source>
        <translation>Camera&apos;s: {cameras}</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/forms.py" line="544"/>
        <source>none linked</source>
        <translation>geen gekoppeld</translation>
    </message>
</context>
<context>
    <name>IncidentQueueModel</name>
    <message>
        <location filename="../../console/ui/dispatch/models.py" line="224"/>
        <source>Incident</source>
        <translation>Incident</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/models.py" line="224"/>
        <source>Age</source>
        <translation>Duur</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/models.py" line="224"/>
        <source>Type</source>
        <translation>Aard</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/models.py" line="224"/>
        <source>Where</source>
        <translation>Waar</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/models.py" line="224"/>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/models.py" line="225"/>
        <source>Units</source>
        <translation>Ploegen</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/models.py" line="235"/>
        <location filename="../../console/ui/dispatch/models.py" line="270"/>
        <source>{time} wait</source>
        <translation>wacht {time}</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/models.py" line="288"/>
        <source>{incident} from {source}: {what}</source>
        <translation>{incident} via {source}: {what}</translation>
    </message>
</context>
<context>
    <name>InstantReplay</name>
    <message>
        <location filename="../../console/ui/instant_replay.py" line="92"/>
        <source>F9: select a tile with a camera first</source>
        <translation>F9: selecteer eerst een tegel met een camera</translation>
    </message>
    <message>
        <location filename="../../console/ui/instant_replay.py" line="96"/>
        <source>{camera} is not recorded</source>
        <translation>{camera} wordt niet opgenomen</translation>
    </message>
    <message>
        <location filename="../../console/ui/instant_replay.py" line="159"/>
        <source>the recordings cannot be read now</source>
        <translation>de opnames kunnen nu niet gelezen worden</translation>
    </message>
    <message>
        <location filename="../../console/ui/instant_replay.py" line="159"/>
        <source>nothing recorded yet</source>
        <translation>nog niets opgenomen</translation>
    </message>
    <message>
        <location filename="../../console/ui/instant_replay.py" line="160"/>
        <source>{camera}: {why}</source>
        <translation>{camera}: {why}</translation>
    </message>
    <message>
        <location filename="../../console/ui/instant_replay.py" line="188"/>
        <source>the access could not be logged</source>
        <translation>de raadpleging kon niet gelogd worden</translation>
    </message>
    <message>
        <location filename="../../console/ui/instant_replay.py" line="232"/>
        <source>No instant replay</source>
        <translation>Direct terugkijken kan niet</translation>
    </message>
    <message>
        <location filename="../../console/ui/instant_replay.py" line="242"/>
        <source>F9: instant replay (10 s back; again 30 s, again 2 min) · F10: live</source>
        <translation>F9: direct terugkijken (10 s terug; nogmaals 30 s, nogmaals 2 min) · F10: live</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <location filename="../../console/ui/login.py" line="240"/>
        <source>Uitkijk is locked</source>
        <translation>Uitkijk is vergrendeld</translation>
    </message>
    <message>
        <location filename="../../console/ui/login.py" line="253"/>
        <source>password</source>
        <translation>wachtwoord</translation>
    </message>
    <message>
        <location filename="../../console/ui/login.py" line="256"/>
        <source>Unlock</source>
        <translation>Ontgrendelen</translation>
    </message>
    <message>
        <location filename="../../console/ui/login.py" line="258"/>
        <source>Sign in as someone else</source>
        <translation>Aanmelden als iemand anders</translation>
    </message>
    <message>
        <location filename="../../console/ui/login.py" line="262"/>
        <source>Unlock it on the wall window.</source>
        <translation>Ontgrendel in het wandvenster.</translation>
    </message>
    <message>
        <location filename="../../console/ui/login.py" line="273"/>
        <source>Wrong password.</source>
        <translation>Verkeerd wachtwoord.</translation>
    </message>
    <message>
        <location filename="../../console/ui/login.py" line="281"/>
        <source>Priority 1 waiting for a unit: {count}</source>
        <translation>Prioriteit 1 wacht op een ploeg: {count}</translation>
    </message>
    <message>
        <location filename="../../console/ui/login.py" line="283"/>
        <source>Priority 1 alarms waiting: {count}</source>
        <translation>Wachtende alarmen met prioriteit 1: {count}</translation>
    </message>
    <message>
        <location filename="../../console/ui/login.py" line="285"/>
        <source>ANPR hits to check: {count}</source>
        <translation>Te controleren ANPR-hits: {count}</translation>
    </message>
    <message>
        <location filename="../../console/ui/login.py" line="287"/>
        <source>Alarms waiting: {count}</source>
        <translation>Wachtende alarmen: {count}</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../console/ui/login.py" line="72"/>
        <source>Uitkijk – sign in</source>
        <translation>Uitkijk – aanmelden</translation>
    </message>
    <message>
        <location filename="../../console/ui/login.py" line="75"/>
        <source>&lt;b&gt;Uitkijk&lt;/b&gt; – dispatch video wall</source>
        <translation>&lt;b&gt;Uitkijk&lt;/b&gt; – videowand van de dispatching</translation>
    </message>
    <message>
        <location filename="../../console/ui/login.py" line="77"/>
        <source>Workstation &lt;b&gt;{workstation}&lt;/b&gt;. Every sign-in and every viewing is logged.</source>
        <translation>Werkpost &lt;b&gt;{workstation}&lt;/b&gt;. Elke aanmelding en elke raadpleging van beelden wordt gelogd.</translation>
    </message>
    <message>
        <location filename="../../console/ui/login.py" line="81"/>
        <source>user name</source>
        <translation>gebruikersnaam</translation>
    </message>
    <message>
        <location filename="../../console/ui/login.py" line="84"/>
        <source>password</source>
        <translation>wachtwoord</translation>
    </message>
    <message>
        <location filename="../../console/ui/login.py" line="89"/>
        <source>User</source>
        <translation>Gebruiker</translation>
    </message>
    <message>
        <location filename="../../console/ui/login.py" line="90"/>
        <source>Password</source>
        <translation>Wachtwoord</translation>
    </message>
    <message>
        <location filename="../../console/ui/login.py" line="92"/>
        <source>Sign in</source>
        <translation>Aanmelden</translation>
    </message>
    <message>
        <location filename="../../console/ui/login.py" line="109"/>
        <source>Give your user name and password.</source>
        <translation>Geef uw gebruikersnaam en wachtwoord.</translation>
    </message>
    <message>
        <location filename="../../console/ui/login.py" line="112"/>
        <source>Checking…</source>
        <translation>Bezig met nakijken…</translation>
    </message>
    <message>
        <location filename="../../console/ui/login.py" line="126"/>
        <source>Wrong user name or password</source>
        <translation>Naam of wachtwoord onjuist</translation>
    </message>
    <message>
        <location filename="../../console/ui/login.py" line="128"/>
        <source>Sign-in failed: {error}</source>
        <translation>Aanmelden mislukt: {error}</translation>
    </message>
    <message>
        <location filename="../../console/ui/login.py" line="133"/>
        <source>{text}. Too many attempts: wait {seconds} s.</source>
        <translation>{text}. Te veel pogingen: wacht {seconds} s.</translation>
    </message>
</context>
<context>
    <name>MapCanvas</name>
    <message>
        <location filename="../../console/ui/map_view.py" line="335"/>
        <source>{name}: {site} since {since} – {purpose}</source>
        <translation>{name}: {site} sinds {since} – {purpose}</translation>
    </message>
    <message>
        <location filename="../../console/ui/map_view.py" line="350"/>
        <source>fixed camera</source>
        <translation>vaste camera</translation>
    </message>
    <message>
        <location filename="../../console/ui/map_view.py" line="354"/>
        <source> · looks {heading}°</source>
        <translation> · kijkt naar {heading}°</translation>
    </message>
    <message>
        <location filename="../../console/ui/map_view.py" line="570"/>
        <source>Turn {camera} toward this spot</source>
        <translation>{camera} naar deze plek draaien</translation>
    </message>
    <message>
        <location filename="../../console/ui/map_view.py" line="575"/>
        <source>Cameras that see this spot on the wall ({count})</source>
        <translation>Camera&apos;s die deze plek zien op de wand ({count})</translation>
    </message>
    <message>
        <location filename="../../console/ui/map_view.py" line="579"/>
        <source>Recordings of the cameras that see this spot ({count})</source>
        <translation>Opnames van de camera&apos;s die deze plek zien ({count})</translation>
    </message>
    <message>
        <location filename="../../console/ui/map_view.py" line="583"/>
        <source>No camera sees this spot</source>
        <translation>Geen camera ziet deze plek</translation>
    </message>
</context>
<context>
    <name>MapPanel</name>
    <message>
        <location filename="../../console/ui/desk_map.py" line="48"/>
        <source>live</source>
        <translation>live</translation>
    </message>
    <message>
        <location filename="../../console/ui/desk_map.py" line="48"/>
        <source>no signal</source>
        <translation>geen signaal</translation>
    </message>
    <message>
        <location filename="../../console/ui/desk_map.py" line="49"/>
        <source>not on a wall</source>
        <translation>niet op een wand</translation>
    </message>
    <message>
        <location filename="../../console/ui/desk_map.py" line="49"/>
        <source>incident</source>
        <translation>incident</translation>
    </message>
    <message>
        <location filename="../../console/ui/desk_map.py" line="50"/>
        <source>sees the incident</source>
        <translation>ziet het incident</translation>
    </message>
    <message>
        <location filename="../../console/ui/desk_map.py" line="51"/>
        <source>open alarm (+N: more on that camera)</source>
        <translation>open alarm (+N: meer op die camera)</translation>
    </message>
    <message>
        <location filename="../../console/ui/desk_map.py" line="55"/>
        <source>Shift+drag: an area onto the wall · right-click: aim a PTZ camera</source>
        <translation>Shift+slepen: een gebied op de wand · rechtsklik: een PTZ-camera richten</translation>
    </message>
    <message>
        <location filename="../../console/ui/desk_map.py" line="59"/>
        <source>Whole zone</source>
        <translation>Hele zone</translation>
    </message>
</context>
<context>
    <name>MapWindow</name>
    <message>
        <location filename="../../console/ui/desk_map.py" line="76"/>
        <source>Uitkijk – map</source>
        <translation>Uitkijk – kaart</translation>
    </message>
</context>
<context>
    <name>MiniWall</name>
    <message>
        <location filename="../../console/ui/miniatures.py" line="91"/>
        <source>ALARM {number}</source>
        <translation>ALARM {number}</translation>
    </message>
    <message>
        <location filename="../../console/ui/miniatures.py" line="91"/>
        <source>ALARM</source>
        <translation>ALARM</translation>
    </message>
    <message>
        <location filename="../../console/ui/miniatures.py" line="110"/>
        <source>PLAYBACK {time}</source>
        <translation>OPNAME {time}</translation>
    </message>
    <message>
        <location filename="../../console/ui/miniatures.py" line="160"/>
        <source>NO SIGNAL · {age} ago</source>
        <translation>GEEN SIGNAAL · {age} geleden</translation>
    </message>
</context>
<context>
    <name>PlaybackPicture</name>
    <message>
        <location filename="../../console/ui/playback_window.py" line="232"/>
        <source>PLAYBACK</source>
        <translation>OPNAME</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_window.py" line="233"/>
        <source>PLAYBACK {time}</source>
        <translation>OPNAME {time}</translation>
    </message>
</context>
<context>
    <name>PlaybackWindow</name>
    <message>
        <location filename="../../console/ui/playback_window.py" line="80"/>
        <source>camera down</source>
        <translation>camera uitgevallen</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_window.py" line="81"/>
        <source>recorder down</source>
        <translation>recorder uitgevallen</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_window.py" line="82"/>
        <source>disk full</source>
        <translation>schijf vol</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_window.py" line="83"/>
        <source>segment missing</source>
        <translation>segment ontbreekt</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_window.py" line="84"/>
        <source>segment unreadable</source>
        <translation>segment onleesbaar</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_window.py" line="85"/>
        <source>not recorded</source>
        <translation>niet opgenomen</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_window.py" line="378"/>
        <source>Uitkijk: recordings (playback)</source>
        <translation>Uitkijk: opnames (terugkijken)</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_window.py" line="404"/>
        <source>&amp;Session</source>
        <translation>&amp;Sessie</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_window.py" line="405"/>
        <source>Sign out (change user)</source>
        <translation>Afmelden (andere gebruiker)</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_window.py" line="421"/>
        <source>PLAYBACK</source>
        <translation>OPNAME</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_window.py" line="438"/>
        <source>Kind...</source>
        <translation>Soort...</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_window.py" line="442"/>
        <source>Reason...</source>
        <translation>Reden...</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_window.py" line="446"/>
        <source>reference (PV, incident)</source>
        <translation>referentie (PV, incident)</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_window.py" line="448"/>
        <source>decision of the prosecutor or judge</source>
        <translation>beslissing procureur of rechter</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_window.py" line="449"/>
        <source>Needed for footage older than the administrative window (judicial only)</source>
        <translation>Nodig voor beelden ouder dan de bestuurlijke termijn (alleen gerechtelijk)</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_window.py" line="450"/>
        <source>Play under this reason</source>
        <translation>Terugkijken met deze reden</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_window.py" line="467"/>
        <source>Tick up to 4 cameras: their recordings play in step</source>
        <translation>Vink tot 4 camera&apos;s aan: hun opnames spelen samen af</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_window.py" line="471"/>
        <source>{name} (not recorded)</source>
        <translation>{name} (niet opgenomen)</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_window.py" line="479"/>
        <source>{name} ({id}): this camera is not recorded</source>
        <translation>{name} ({id}): deze camera wordt niet opgenomen</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_window.py" line="487"/>
        <source>Tick up to 4 cameras in the list: their recordings play in step</source>
        <translation>Vink tot 4 camera&apos;s aan in de lijst: hun opnames spelen samen af</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_window.py" line="499"/>
        <source>&lt; Frame</source>
        <translation>&lt; Beeld</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_window.py" line="500"/>
        <source>Reverse</source>
        <translation>Achteruit</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_window.py" line="502"/>
        <location filename="../../console/ui/playback_window.py" line="505"/>
        <location filename="../../console/ui/playback_window.py" line="906"/>
        <source>Play</source>
        <translation>Afspelen</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_window.py" line="507"/>
        <source>Frame &gt;</source>
        <translation>Beeld &gt;</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_window.py" line="512"/>
        <source>Playback speed</source>
        <translation>Afspeelsnelheid</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_window.py" line="519"/>
        <source>Go</source>
        <translation>Ga</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_window.py" line="522"/>
        <source>{minutes} min</source>
        <translation>{minutes} min</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_window.py" line="523"/>
        <source>{hours} h</source>
        <translation>{hours} u</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_window.py" line="526"/>
        <source>How much time the timelines show</source>
        <translation>Hoeveel tijd de tijdlijnen tonen</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_window.py" line="527"/>
        <source>Evidence lock...</source>
        <translation>Bewijsvergrendeling...</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_window.py" line="528"/>
        <source>Export...</source>
        <translation>Exporteren...</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_window.py" line="551"/>
        <source>Keep what is shown past its retention (an incident or a judicial file)</source>
        <translation>Bewaar wat getoond wordt na de bewaartermijn (een incident of een gerechtelijk dossier)</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_window.py" line="552"/>
        <source>A sealed copy of what is shown, with its manifest</source>
        <translation>Een verzegelde kopie van wat getoond wordt, met manifest</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_window.py" line="642"/>
        <source>At most {count} cameras play in step</source>
        <translation>Hoogstens {count} camera&apos;s spelen samen af</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_window.py" line="734"/>
        <source>Playback logged under: {reason}</source>
        <translation>Terugkijken gelogd met: {reason}</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_window.py" line="753"/>
        <source>Nothing may be played yet: give a reason and choose cameras</source>
        <translation>Nog niets mag afgespeeld worden: geef een reden en kies camera&apos;s</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_window.py" line="799"/>
        <source>&apos;{text}&apos; is not a date and time: type it as 05-12-2026 02:21:40</source>
        <translation>&apos;{text}&apos; is geen datum en tijd: typ ze als 05-12-2026 02:21:40</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_window.py" line="805"/>
        <source>{time} is still to come: nothing is recorded then</source>
        <translation>{time} moet nog komen: dan is er niets opgenomen</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_window.py" line="823"/>
        <source>The end of the span shown: choose a wider span or go to another time</source>
        <translation>Einde van de getoonde periode: kies een ruimere periode of ga naar een ander tijdstip</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_window.py" line="850"/>
        <source>Paused at the newest recorded picture ({time}): nothing is recorded after it yet</source>
        <translation>Gepauzeerd bij het nieuwste opgenomen beeld ({time}): daarna is nog niets opgenomen</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_window.py" line="880"/>
        <source>Waiting for the log</source>
        <translation>Wacht op de log</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_window.py" line="883"/>
        <source>No recording at this time: {cause}</source>
        <translation>Geen opname op dit tijdstip: {cause}</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_window.py" line="503"/>
        <location filename="../../console/ui/playback_window.py" line="906"/>
        <source>Pause</source>
        <translation>Pauze</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_window.py" line="515"/>
        <source>dd-mm-yyyy hh:mm:ss</source>
        <translation>dd-mm-jjjj uu:mm:ss</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_window.py" line="517"/>
        <source>A date and time to go to (your clock&apos;s time), then Enter</source>
        <translation>Een datum en tijd om naartoe te gaan (de tijd van uw klok), dan Enter</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_window.py" line="907"/>
        <source>Choose up to 4 cameras first</source>
        <translation>Kies eerst tot 4 camera&apos;s</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_window.py" line="908"/>
        <source>Play or pause (space)</source>
        <translation>Afspelen of pauzeren (spatie)</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_window.py" line="941"/>
        <source>Fill in an incident or a judicial file (one of the two, not both)</source>
        <translation>Vul een incident of een gerechtelijk dossier in (een van beide, niet allebei)</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_window.py" line="960"/>
        <source>Evidence lock {number} placed</source>
        <translation>Bewijsvergrendeling {number} geplaatst</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_window.py" line="967"/>
        <source>The evidence lock was not placed</source>
        <translation>De bewijsvergrendeling is niet geplaatst</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_window.py" line="1000"/>
        <source>Exporting...</source>
        <translation>Bezig met exporteren...</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_window.py" line="1003"/>
        <source>Exported to {folder} (manifest {sha256})</source>
        <translation>Geëxporteerd naar {folder} (manifest {sha256})</translation>
    </message>
</context>
<context>
    <name>PriorityOneAlert</name>
    <message>
        <location filename="../../console/ui/dispatch/p1_alert.py" line="30"/>
        <source>Priority 1</source>
        <translation>Prioriteit 1</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/p1_alert.py" line="38"/>
        <source>NEW PRIORITY-1 CALL</source>
        <translation>NIEUWE OPROEP PRIORITEIT 1</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/p1_alert.py" line="48"/>
        <source>Show</source>
        <translation>Tonen</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/p1_alert.py" line="50"/>
        <source>Acknowledge: I take it</source>
        <translation>Bevestigen: ik neem het</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/p1_alert.py" line="72"/>
        <source>+{count} more waiting to be acknowledged</source>
        <translation>+{count} andere wachten op bevestiging</translation>
    </message>
</context>
<context>
    <name>PtzController</name>
    <message>
        <location filename="../../console/ui/ptz_controller.py" line="340"/>
        <source>PTZ failed: {error}</source>
        <translation>PTZ mislukt: {error}</translation>
    </message>
</context>
<context>
    <name>PtzPanel</name>
    <message>
        <location filename="../../console/ui/ptz_panel.py" line="52"/>
        <source>{name} (token {token})</source>
        <translation>{name} (token {token})</translation>
    </message>
    <message>
        <location filename="../../console/ui/ptz_panel.py" line="73"/>
        <location filename="../../console/ui/ptz_panel.py" line="183"/>
        <source>Take control (P)</source>
        <translation>Besturing nemen (P)</translation>
    </message>
    <message>
        <location filename="../../console/ui/ptz_panel.py" line="84"/>
        <source>Home position</source>
        <translation>Thuispositie</translation>
    </message>
    <message>
        <location filename="../../console/ui/ptz_panel.py" line="90"/>
        <source>Zoom</source>
        <translation>Zoom</translation>
    </message>
    <message>
        <location filename="../../console/ui/ptz_panel.py" line="96"/>
        <source>Speed of the pad, keys and wheel</source>
        <translation>Snelheid van het stuurvlak, de toetsen en het wieltje</translation>
    </message>
    <message>
        <location filename="../../console/ui/ptz_panel.py" line="98"/>
        <source>Speed</source>
        <translation>Snelheid</translation>
    </message>
    <message>
        <location filename="../../console/ui/ptz_panel.py" line="106"/>
        <source>Go to</source>
        <translation>Ga naar</translation>
    </message>
    <message>
        <location filename="../../console/ui/ptz_panel.py" line="108"/>
        <source>Save here…</source>
        <translation>Hier bewaren…</translation>
    </message>
    <message>
        <location filename="../../console/ui/ptz_panel.py" line="110"/>
        <source>Delete</source>
        <translation>Verwijderen</translation>
    </message>
    <message>
        <location filename="../../console/ui/ptz_panel.py" line="127"/>
        <source>Presets</source>
        <translation>Presets</translation>
    </message>
    <message>
        <location filename="../../console/ui/ptz_panel.py" line="166"/>
        <source>Select a tile to steer its camera.</source>
        <translation>Kies een tegel om zijn camera te sturen.</translation>
    </message>
    <message>
        <location filename="../../console/ui/ptz_panel.py" line="171"/>
        <source>This camera cannot pan, tilt or zoom.</source>
        <translation>Deze camera kan niet pannen, kantelen of zoomen.</translation>
    </message>
    <message>
        <location filename="../../console/ui/ptz_panel.py" line="175"/>
        <source>You control this camera. Released after 30 s without input.</source>
        <translation>U bestuurt deze camera. Vrijgegeven na 30 s zonder invoer.</translation>
    </message>
    <message>
        <location filename="../../console/ui/ptz_panel.py" line="178"/>
        <source>{holder} controls this camera.</source>
        <translation>{holder} bestuurt deze camera.</translation>
    </message>
    <message>
        <location filename="../../console/ui/ptz_panel.py" line="181"/>
        <source>Free: take control to steer it.</source>
        <translation>Vrij: neem de besturing om hem te sturen.</translation>
    </message>
    <message>
        <location filename="../../console/ui/ptz_panel.py" line="183"/>
        <source>Release control (P)</source>
        <translation>Besturing vrijgeven (P)</translation>
    </message>
    <message>
        <location filename="../../console/ui/ptz_panel.py" line="232"/>
        <source>Save preset</source>
        <translation>Preset bewaren</translation>
    </message>
    <message>
        <location filename="../../console/ui/ptz_panel.py" line="232"/>
        <source>Name of this preset (where the camera looks now):</source>
        <translation>Naam van deze preset (waar de camera nu naar kijkt):</translation>
    </message>
    <message>
        <location filename="../../console/ui/ptz_panel.py" line="262"/>
        <source> · moving</source>
        <translation> · beweegt</translation>
    </message>
    <message>
        <location filename="../../console/ui/ptz_panel.py" line="264"/>
        <source>Pan {pan}  Tilt {tilt}  Zoom {zoom}</source>
        <translation>Pan {pan}  Kantel {tilt}  Zoom {zoom}</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <location filename="../../console/ui/login.py" line="157"/>
        <source>Reason for viewing</source>
        <translation>Reden van raadpleging</translation>
    </message>
    <message>
        <location filename="../../console/ui/login.py" line="161"/>
        <source>The law allows viewing only for a stated reason. It is logged with every camera you open.</source>
        <translation>De wet staat raadpleging alleen toe met een opgegeven reden. Ze wordt gelogd bij elke camera die u opent.</translation>
    </message>
    <message>
        <location filename="../../console/ui/login.py" line="176"/>
        <source>incident / report number (PV), or a few words</source>
        <translation>incident- / PV-nummer, of enkele woorden</translation>
    </message>
    <message>
        <location filename="../../console/ui/login.py" line="178"/>
        <source>Recent reasons…</source>
        <translation>Recente redenen…</translation>
    </message>
    <message>
        <location filename="../../console/ui/login.py" line="187"/>
        <source>Kind</source>
        <translation>Soort</translation>
    </message>
    <message>
        <location filename="../../console/ui/login.py" line="188"/>
        <source>Category</source>
        <translation>Categorie</translation>
    </message>
    <message>
        <location filename="../../console/ui/login.py" line="189"/>
        <source>Reference</source>
        <translation>Referentie</translation>
    </message>
    <message>
        <location filename="../../console/ui/login.py" line="192"/>
        <source>Use this reason</source>
        <translation>Deze reden gebruiken</translation>
    </message>
</context>
<context>
    <name>RecordingActionDialog</name>
    <message>
        <location filename="../../console/ui/playback_window.py" line="278"/>
        <source>Export recordings</source>
        <translation>Opnames exporteren</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_window.py" line="278"/>
        <source>Place an evidence lock</source>
        <translation>Bewijsvergrendeling plaatsen</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_window.py" line="290"/>
        <source>Cameras</source>
        <translation>Camera&apos;s</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_window.py" line="291"/>
        <source>From</source>
        <translation>Van</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_window.py" line="292"/>
        <source>To</source>
        <translation>Tot</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_window.py" line="304"/>
        <source>to whom the copy goes (e.g. the prosecutor&apos;s office)</source>
        <translation>voor wie de kopie is (bv. het parket)</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_window.py" line="305"/>
        <source>Recipient</source>
        <translation>Ontvanger</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_window.py" line="306"/>
        <source>Folder</source>
        <translation>Map</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_window.py" line="309"/>
        <source>none</source>
        <translation>geen</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_window.py" line="317"/>
        <source>Reason</source>
        <translation>Reden</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_window.py" line="318"/>
        <source>Decision</source>
        <translation>Beslissing</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_window.py" line="321"/>
        <source>or the judicial file&apos;s reference</source>
        <translation>of de referentie van het gerechtelijk dossier</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_window.py" line="322"/>
        <source>Incident</source>
        <translation>Incident</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_window.py" line="323"/>
        <source>Judicial file</source>
        <translation>Gerechtelijk dossier</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_window.py" line="324"/>
        <source>Why</source>
        <translation>Waarom</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_window.py" line="329"/>
        <source>Export</source>
        <translation>Exporteren</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_window.py" line="329"/>
        <source>Place the lock</source>
        <translation>Vergrendeling plaatsen</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_window.py" line="342"/>
        <source>Exporting...</source>
        <translation>Bezig met exporteren...</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_window.py" line="342"/>
        <source>Placing the lock...</source>
        <translation>Bewijsvergrendeling wordt geplaatst...</translation>
    </message>
</context>
<context>
    <name>SignIn</name>
    <message>
        <location filename="../../console/ui/signin.py" line="86"/>
        <source>Signed in as {user}, but an administrator watches no video: configure with &apos;check-config&apos;, &apos;user add&apos; and &apos;user passwd&apos; on the command line.</source>
        <translation>Aangemeld als {user}, maar een beheerder bekijkt geen beelden: stel in met &apos;check-config&apos;, &apos;user add&apos; en &apos;user passwd&apos; op de opdrachtregel.</translation>
    </message>
</context>
<context>
    <name>StillReader</name>
    <message>
        <location filename="../../console/ui/alarms.py" line="114"/>
        <source>the alarm&apos;s still could not be read: {error}</source>
        <translation>het beeld van het alarm kon niet gelezen worden: {error}</translation>
    </message>
</context>
<context>
    <name>TimelineBar</name>
    <message>
        <location filename="../../console/ui/playback_window.py" line="157"/>
        <source>not recorded</source>
        <translation>niet opgenomen</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_window.py" line="159"/>
        <source>recorded</source>
        <translation>opgenomen</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_window.py" line="161"/>
        <source>gap: {cause}</source>
        <translation>onderbreking: {cause}</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_window.py" line="164"/>
        <source>evidence lock {number} ({serves})</source>
        <translation>bewijsvergrendeling {number} ({serves})</translation>
    </message>
</context>
<context>
    <name>TourBar</name>
    <message>
        <location filename="../../console/ui/tour_bar.py" line="45"/>
        <source>Previous step (Left)</source>
        <translation>Vorige stap (Links)</translation>
    </message>
    <message>
        <location filename="../../console/ui/tour_bar.py" line="46"/>
        <location filename="../../console/ui/tour_bar.py" line="84"/>
        <source>Pause</source>
        <translation>Pauze</translation>
    </message>
    <message>
        <location filename="../../console/ui/tour_bar.py" line="46"/>
        <source>Pause / resume (Space)</source>
        <translation>Pauzeren / hervatten (Spatie)</translation>
    </message>
    <message>
        <location filename="../../console/ui/tour_bar.py" line="47"/>
        <location filename="../../console/ui/tour_bar.py" line="85"/>
        <source>Hold</source>
        <translation>Vasthouden</translation>
    </message>
    <message>
        <location filename="../../console/ui/tour_bar.py" line="47"/>
        <source>Hold this step: the countdown stops (H)</source>
        <translation>Deze stap vasthouden: het aftellen stopt (H)</translation>
    </message>
    <message>
        <location filename="../../console/ui/tour_bar.py" line="48"/>
        <source>Next step (Right)</source>
        <translation>Volgende stap (Rechts)</translation>
    </message>
    <message>
        <location filename="../../console/ui/tour_bar.py" line="49"/>
        <source>■ Stop</source>
        <translation>■ Stoppen</translation>
    </message>
    <message>
        <location filename="../../console/ui/tour_bar.py" line="83"/>
        <source>PAUSED</source>
        <translation>GEPAUZEERD</translation>
    </message>
    <message>
        <location filename="../../console/ui/tour_bar.py" line="83"/>
        <source>HELD</source>
        <translation>VASTGEHOUDEN</translation>
    </message>
    <message>
        <location filename="../../console/ui/tour_bar.py" line="84"/>
        <source>Resume</source>
        <translation>Hervatten</translation>
    </message>
    <message>
        <location filename="../../console/ui/tour_bar.py" line="85"/>
        <source>Release hold</source>
        <translation>Loslaten</translation>
    </message>
    <message>
        <location filename="../../console/ui/tour_bar.py" line="91"/>
        <source> · round {round}</source>
        <translation> · doorloop {round}</translation>
    </message>
    <message>
        <location filename="../../console/ui/tour_bar.py" line="86"/>
        <source>step {number}/{count}</source>
        <translation>stap {number}/{count}</translation>
    </message>
    <message>
        <location filename="../../console/ui/tour_bar.py" line="49"/>
        <source>Stop the tour: your wall comes back (Esc)</source>
        <translation>De ronde stoppen: uw wand komt terug (Esc)</translation>
    </message>
    <message>
        <location filename="../../console/ui/tour_bar.py" line="95"/>
        <source>last step</source>
        <translation>laatste stap</translation>
    </message>
    <message>
        <location filename="../../console/ui/tour_bar.py" line="99"/>
        <source>next: {camera} +{more}</source>
        <translation>volgende: {camera} +{more}</translation>
    </message>
    <message>
        <location filename="../../console/ui/tour_bar.py" line="101"/>
        <source>next: {camera}</source>
        <translation>volgende: {camera}</translation>
    </message>
    <message>
        <location filename="../../console/ui/tour_bar.py" line="101"/>
        <source>next: an empty wall</source>
        <translation>volgende: een lege wand</translation>
    </message>
    <message>
        <location filename="../../console/ui/tour_bar.py" line="103"/>
        <source>next: {cameras}</source>
        <translation>volgende: {cameras}</translation>
    </message>
    <message>
        <location filename="../../console/ui/tour_bar.py" line="104"/>
        <source>offline: {camera}</source>
        <translation>offline: {camera}</translation>
    </message>
    <message>
        <location filename="../../console/ui/tour_bar.py" line="106"/>
        <source>not moved: {camera} ({why})</source>
        <translation>niet bewogen: {camera} ({why})</translation>
    </message>
</context>
<context>
    <name>TourPlayer</name>
    <message>
        <location filename="../../console/ui/tour_player.py" line="248"/>
        <source>PTZ not available</source>
        <translation>PTZ niet beschikbaar</translation>
    </message>
    <message>
        <location filename="../../console/ui/tour_player.py" line="252"/>
        <source>no preset &apos;{preset}&apos;</source>
        <translation>geen preset &apos;{preset}&apos;</translation>
    </message>
    <message>
        <location filename="../../console/ui/tour_player.py" line="280"/>
        <source>the audit log cannot be written: not moved</source>
        <translation>de auditlog kan niet geschreven worden: niet bewogen</translation>
    </message>
</context>
<context>
    <name>UnitBoardModel</name>
    <message>
        <location filename="../../console/ui/dispatch/models.py" line="308"/>
        <source>Unit</source>
        <translation>Ploeg</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/models.py" line="308"/>
        <source>Kind</source>
        <translation>Soort</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/models.py" line="308"/>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/models.py" line="308"/>
        <source>Incident</source>
        <translation>Incident</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/models.py" line="308"/>
        <source>Since</source>
        <translation>Sinds</translation>
    </message>
</context>
<context>
    <name>UnsavedQuestion</name>
    <message>
        <location filename="../../console/ui/dispatch/panel.py" line="835"/>
        <source>Unsaved changes</source>
        <translation>Niet-bewaarde wijzigingen</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/panel.py" line="836"/>
        <source>Not saved yet: {what}</source>
        <translation>Nog niet bewaard: {what}</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/panel.py" line="837"/>
        <source>Save them before closing?</source>
        <translation>Eerst bewaren en dan sluiten?</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/panel.py" line="838"/>
        <source>Save</source>
        <translation>Bewaren</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/panel.py" line="839"/>
        <source>Discard</source>
        <translation>Verwerpen</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/panel.py" line="840"/>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
</context>
<context>
    <name>VideoTile</name>
    <message>
        <location filename="../../console/ui/video_tile.py" line="350"/>
        <source>finding the streams over ONVIF</source>
        <translation>streams zoeken via ONVIF</translation>
    </message>
    <message>
        <location filename="../../console/ui/video_tile.py" line="532"/>
        <location filename="../../console/ui/video_tile.py" line="555"/>
        <source>PLAYBACK</source>
        <translation>OPNAME</translation>
    </message>
    <message>
        <location filename="../../console/ui/video_tile.py" line="559"/>
        <source>{age} ago</source>
        <translation>{age} geleden</translation>
    </message>
    <message>
        <location filename="../../console/ui/video_tile.py" line="560"/>
        <location filename="../../console/ui/video_tile.py" line="561"/>
        <source>PLAYBACK {time}</source>
        <translation>OPNAME {time}</translation>
    </message>
    <message>
        <location filename="../../console/ui/video_tile.py" line="562"/>
        <source>{seconds} s behind live · F10: live</source>
        <translation>{seconds} s achter op live · F10: live</translation>
    </message>
    <message>
        <location filename="../../console/ui/video_tile.py" line="626"/>
        <source>DOOR OPEN</source>
        <translation>DEUR OPEN</translation>
    </message>
    <message>
        <location filename="../../console/ui/camera_tree.py" line="199"/>
        <location filename="../../console/ui/video_tile.py" line="627"/>
        <source>stale</source>
        <translation>verouderd</translation>
    </message>
    <message>
        <location filename="../../console/ui/video_tile.py" line="790"/>
        <source>Esc: back to the wall   {number}</source>
        <translation>Esc: terug naar de wand   {number}</translation>
    </message>
    <message>
        <location filename="../../console/ui/video_tile.py" line="814"/>
        <source>no picture yet</source>
        <translation>nog geen beeld</translation>
    </message>
    <message>
        <location filename="../../console/ui/video_tile.py" line="817"/>
        <source>age {age}</source>
        <translation>{age} oud</translation>
    </message>
    <message>
        <location filename="../../console/ui/video_tile.py" line="853"/>
        <source>CONNECTING…</source>
        <translation>VERBINDEN…</translation>
    </message>
    <message>
        <location filename="../../console/ui/video_tile.py" line="855"/>
        <source>NO SIGNAL</source>
        <translation>GEEN SIGNAAL</translation>
    </message>
    <message>
        <location filename="../../console/ui/video_tile.py" line="858"/>
        <source>last frame {time} ({age} ago)</source>
        <translation>laatste beeld {time} ({age} geleden)</translation>
    </message>
    <message>
        <location filename="../../console/ui/video_tile.py" line="861"/>
        <source>no frame received yet</source>
        <translation>nog geen beeld ontvangen</translation>
    </message>
    <message>
        <location filename="../../console/ui/video_tile.py" line="865"/>
        <source> · retrying in {seconds} s</source>
        <translation> · nieuwe poging over {seconds} s</translation>
    </message>
    <message>
        <location filename="../../console/ui/video_tile.py" line="869"/>
        <source>relay: </source>
        <translation>relay: </translation>
    </message>
    <message>
        <location filename="../../console/ui/video_tile.py" line="872"/>
        <source>attempt {number}</source>
        <translation>poging {number}</translation>
    </message>
    <message>
        <location filename="../../console/ui/video_tile.py" line="926"/>
        <source>{number}
Drag a camera here</source>
        <translation>{number}
Sleep hier een camera</translation>
    </message>
    <message>
        <location filename="../../console/ui/video_tile.py" line="1009"/>
        <source>battery {percent}% (low)</source>
        <translation>batterij {percent}% (laag)</translation>
    </message>
    <message>
        <location filename="../../console/ui/video_tile.py" line="1011"/>
        <source>battery {percent}%</source>
        <translation>batterij {percent}%</translation>
    </message>
    <message>
        <location filename="../../console/ui/video_tile.py" line="1013"/>
        <source>battery low</source>
        <translation>batterij laag</translation>
    </message>
    <message>
        <location filename="../../console/ui/video_tile.py" line="1015"/>
        <source>uplink ok</source>
        <translation>verbinding goed</translation>
    </message>
    <message>
        <location filename="../../console/ui/camera_tree.py" line="195"/>
        <location filename="../../console/ui/video_tile.py" line="1017"/>
        <source>uplink degraded</source>
        <translation>verbinding zwak</translation>
    </message>
    <message>
        <location filename="../../console/ui/camera_tree.py" line="197"/>
        <location filename="../../console/ui/video_tile.py" line="1019"/>
        <source>uplink lost</source>
        <translation>verbinding weg</translation>
    </message>
    <message>
        <location filename="../../console/ui/camera_tree.py" line="193"/>
        <location filename="../../console/ui/video_tile.py" line="1021"/>
        <source>door open</source>
        <translation>deur open</translation>
    </message>
    <message>
        <location filename="../../console/ui/video_tile.py" line="1023"/>
        <source>door closed</source>
        <translation>deur dicht</translation>
    </message>
    <message>
        <location filename="../../console/ui/video_tile.py" line="1026"/>
        <source>stale: last said at {time}</source>
        <translation>verouderd: laatst gemeld om {time}</translation>
    </message>
</context>
<context>
    <name>ViewingLog</name>
    <message>
        <location filename="../../console/ui/accountability.py" line="239"/>
        <source>First give a reason for viewing (R)</source>
        <translation>Geef eerst een reden van raadpleging (R)</translation>
    </message>
    <message>
        <location filename="../../console/ui/accountability.py" line="248"/>
        <location filename="../../console/ui/accountability.py" line="270"/>
        <source>recording the viewing in the log…</source>
        <translation>de raadpleging wordt gelogd…</translation>
    </message>
    <message>
        <location filename="../../console/ui/accountability.py" line="279"/>
        <source>the audit log cannot be written: no picture</source>
        <translation>de auditlog kan niet geschreven worden: geen beeld</translation>
    </message>
</context>
<context>
    <name>WallNotice</name>
    <message>
        <location filename="../../console/ui/notice.py" line="31"/>
        <source>Close this notice</source>
        <translation>Deze melding sluiten</translation>
    </message>
</context>
<context>
    <name>WallView</name>
    <message>
        <location filename="../../console/ui/wall_view.py" line="399"/>
        <source>PTZ: you</source>
        <translation>PTZ: u</translation>
    </message>
    <message>
        <location filename="../../console/ui/wall_view.py" line="401"/>
        <source>PTZ: {holder}</source>
        <translation>PTZ: {holder}</translation>
    </message>
    <message>
        <location filename="../../console/ui/wall_view.py" line="425"/>
        <source>P: select a tile with a camera first</source>
        <translation>P: kies eerst een tegel met een camera</translation>
    </message>
    <message>
        <location filename="../../console/ui/wall_view.py" line="430"/>
        <source>P: {camera} has no PTZ</source>
        <translation>P: {camera} heeft geen PTZ</translation>
    </message>
    <message>
        <location filename="../../console/ui/wall_view.py" line="432"/>
        <source>P: {camera} has not answered over ONVIF yet</source>
        <translation>P: {camera} heeft nog niet geantwoord via ONVIF</translation>
    </message>
</context>
<context>
    <name>WallWindow</name>
    <message>
        <location filename="../../console/ui/main_window.py" line="182"/>
        <source>PTZ</source>
        <translation>PTZ</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="192"/>
        <source>Cameras</source>
        <translation>Camera&apos;s</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="234"/>
        <source>Wall</source>
        <translation>Wand</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="240"/>
        <source>&amp;Wall</source>
        <translation>&amp;Wand</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="241"/>
        <source>Overview grids (a wall monitor, not a desk)</source>
        <translation>Overzichtsroosters (voor een wandscherm, niet een werkpost)</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="249"/>
        <source>Overview grid {layout} for a wall monitor (Ctrl+{number})</source>
        <translation>Overzichtsrooster {layout} voor een wandscherm (Ctrl+{number})</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="255"/>
        <source>Layout {layout} (Ctrl+{number})</source>
        <translation>Indeling {layout} (Ctrl+{number})</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="263"/>
        <source>New wall window</source>
        <translation>Nieuw wandvenster</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="265"/>
        <source>Open another wall window, for another monitor (Ctrl+N)</source>
        <translation>Nog een wandvenster openen, voor een ander scherm (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="268"/>
        <source>Close this wall window</source>
        <translation>Dit wandvenster sluiten</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="272"/>
        <source>&amp;View</source>
        <translation>&amp;Beeld</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="274"/>
        <source>Camera list</source>
        <translation>Cameralijst</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="277"/>
        <source>Search cameras</source>
        <translation>Camera&apos;s zoeken</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="286"/>
        <source>Full screen</source>
        <translation>Volledig scherm</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="291"/>
        <source>&amp;Help</source>
        <translation>&amp;Hulp</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="292"/>
        <source>Keyboard and mouse</source>
        <translation>Toetsenbord en muis</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="65"/>
        <source>&lt;b&gt;Keys&lt;/b&gt; (they work wherever the focus is in this window, except while typing in a field)&lt;br&gt;
&lt;b&gt;The wall&lt;/b&gt;: 1-9 select a tile &amp;nbsp;·&amp;nbsp; arrows move the selection &amp;nbsp;·&amp;nbsp; Enter enlarges the
selected tile (main stream), Esc goes back &amp;nbsp;·&amp;nbsp; Delete clears the selected tile&lt;br&gt;
Ctrl+1 … Ctrl+6: layouts 1x1, 2x2, 3x3, 4x4, 1+5, 1+7 &amp;nbsp;·&amp;nbsp; Ctrl+7, Ctrl+8: overview grids 5x5, 6x6&lt;br&gt;
Ctrl+F: search cameras &amp;nbsp;·&amp;nbsp; Ctrl+N: new wall window &amp;nbsp;·&amp;nbsp; Ctrl+W: close it
&amp;nbsp;·&amp;nbsp; F11: full screen&lt;br&gt;
Ctrl+S: save this wall as a view &amp;nbsp;·&amp;nbsp; Alt+1 … Alt+9: recall a saved view&lt;br&gt;
&lt;b&gt;PTZ&lt;/b&gt;: P takes or releases control of the selected PTZ camera; while you hold it, arrows and +/- steer
(press moves, release stops), the wheel zooms and a drag in the picture steers&lt;br&gt;
&lt;b&gt;Tours&lt;/b&gt;: Tours menu &amp;gt; Start (a tour goes round until you stop it; Stop puts your wall back);
during a tour Space pauses/resumes, Left/Right previous/next step, H holds (the countdown stops),
Esc stops it (■ Stop in the tour bar)&lt;br&gt;
&lt;b&gt;The map&lt;/b&gt;: the Map tab beside the camera list, or Ctrl+M for a map window of its own (a wall monitor):
a click on a camera puts it on the selected tile, a drag takes it to any tile, Shift+drag over an area fills
the wall with the cameras inside, a right-click turns a PTZ camera toward that spot; a click on an incident
shows it in the dispatch panel and the cameras that can see it &amp;nbsp;·&amp;nbsp; the wheel zooms, &quot;Whole zone&quot;
shows it all&lt;br&gt;
&lt;b&gt;Dispatch&lt;/b&gt;: I new incident from the selected tile (its place filled in, a snapshot linked) &amp;nbsp;·&amp;nbsp;
Ctrl+I new incident &amp;nbsp;·&amp;nbsp; Ctrl+Enter in the form creates or saves it &amp;nbsp;·&amp;nbsp;
V video follows the selected incident &amp;nbsp;·&amp;nbsp; F4 shows or hides the
dispatch panel &amp;nbsp;·&amp;nbsp; the alert strip above the wall: a click opens the hit or the call&lt;br&gt;
&lt;b&gt;ANPR hits&lt;/b&gt;: the &quot;ANPR hits&quot; tab of the dispatch panel (or a click on the strip): select a hit, its plate
crop and overview show once the viewing is logged; compare the read with the image, then record Confirmed,
Misread or Wrong list entry; only a confirmed hit becomes an incident (Make incident) &amp;nbsp;·&amp;nbsp; Camera on
the wall puts its camera on the selected tile&lt;br&gt;
&lt;b&gt;Priority 1&lt;/b&gt;: a new priority-1 call pops up on every desk that handles incidents and takes no keys
(neither Enter nor Esc): Show opens it in the dispatch panel; &quot;Acknowledge: I take it&quot; takes it in hand,
logged in your name, and the pop-up closes on every desk; a locked desk only counts the calls that wait and
shows the pop-up once unlocked&lt;br&gt;
&lt;b&gt;Instant replay&lt;/b&gt;: F9 plays the selected tile&apos;s recording from 10 s ago; F9 again from 30 s ago, again from
2 min ago (each from live); F10 is live again. The tile then says PLAYBACK and the picture&apos;s recording time in
a magenta band and frame (a live tile shows the age of its picture); each replay is logged with your reason
&amp;nbsp;·&amp;nbsp; Ctrl+P opens the selected camera&apos;s recordings in the playback window&lt;br&gt;
&lt;b&gt;Alarms&lt;/b&gt;: by its rule an alarm&apos;s camera comes on the alarm tile over the wall (live, and beside it the
recording from 10 s before the alarm, PLAYBACK) or on a window of the wall (marked ALARM in red), logged under the
alarm&apos;s reason (&quot;alarm 0042&quot;); F7 closes the alarm tile (without one, gives the windows back) &amp;nbsp;·&amp;nbsp; a
Mobbox&apos;s tiles show its battery, uplink and an open door&lt;br&gt;
&lt;b&gt;Session&lt;/b&gt;: R changes the reason for viewing &amp;nbsp;·&amp;nbsp; F8 snapshot of the selected tile (evidence)
&amp;nbsp;·&amp;nbsp; Ctrl+L locks the screen &amp;nbsp;·&amp;nbsp; Ctrl+B supervision board (team chief; Esc or Ctrl+B
closes it) &amp;nbsp;·&amp;nbsp; Ctrl+Shift+Q signs out &amp;nbsp;·&amp;nbsp; F1 this help&lt;br&gt;&lt;br&gt;
&lt;b&gt;Mouse&lt;/b&gt;&lt;br&gt;
Drag a camera from the list onto a tile; drag a tile onto another to swap them;
double-click a tile to enlarge it.</source>
        <translation>&lt;b&gt;Toetsen&lt;/b&gt; (ze werken waar de focus ook staat in dit venster, behalve tijdens het typen in een veld)&lt;br&gt;
&lt;b&gt;De wand&lt;/b&gt;: 1-9 kiest een tegel &amp;nbsp;·&amp;nbsp; pijltjes verplaatsen de keuze &amp;nbsp;·&amp;nbsp; Enter vergroot de
gekozen tegel (hoofdstream), Esc gaat terug &amp;nbsp;·&amp;nbsp; Delete maakt de gekozen tegel leeg&lt;br&gt;
Ctrl+1 … Ctrl+6: indelingen 1x1, 2x2, 3x3, 4x4, 1+5, 1+7 &amp;nbsp;·&amp;nbsp; Ctrl+7, Ctrl+8: overzichtsroosters 5x5, 6x6&lt;br&gt;
Ctrl+F: camera&apos;s zoeken &amp;nbsp;·&amp;nbsp; Ctrl+N: nieuw wandvenster &amp;nbsp;·&amp;nbsp; Ctrl+W: het sluiten
&amp;nbsp;·&amp;nbsp; F11: volledig scherm&lt;br&gt;
Ctrl+S: deze wand als weergave bewaren &amp;nbsp;·&amp;nbsp; Alt+1 … Alt+9: een bewaarde weergave oproepen&lt;br&gt;
&lt;b&gt;PTZ&lt;/b&gt;: P neemt of geeft de besturing van de gekozen PTZ-camera; zolang u ze hebt, sturen pijltjes en +/-
(indrukken beweegt, loslaten stopt), het wieltje zoomt en slepen in het beeld stuurt&lt;br&gt;
&lt;b&gt;Rondes&lt;/b&gt;: menu Rondes &amp;gt; Starten (een ronde draait tot u ze stopt; Stoppen zet uw wand terug);
tijdens een ronde pauzeert/hervat Spatie, Links/Rechts vorige/volgende stap, H houdt vast (het aftellen stopt),
Esc stopt ze (■ Stoppen in de rondebalk)&lt;br&gt;
&lt;b&gt;De kaart&lt;/b&gt;: het tabblad Kaart naast de cameralijst, of Ctrl+M voor een eigen kaartvenster (een wandscherm):
een klik op een camera zet ze op de gekozen tegel, slepen brengt ze naar eender welke tegel, Shift+slepen over een
gebied vult de wand met de camera&apos;s erin, een rechtsklik draait een PTZ-camera naar die plek; een klik op een
incident toont het in het dispatchpaneel en de camera&apos;s die het kunnen zien &amp;nbsp;·&amp;nbsp; het wieltje zoomt,
&quot;Hele zone&quot; toont alles&lt;br&gt;
&lt;b&gt;Dispatching&lt;/b&gt;: I nieuw incident vanuit de gekozen tegel (plaats ingevuld, momentopname gekoppeld) &amp;nbsp;·&amp;nbsp;
Ctrl+I nieuw incident &amp;nbsp;·&amp;nbsp; Ctrl+Enter in het formulier maakt het aan of bewaart het &amp;nbsp;·&amp;nbsp;
V beeld volgt het gekozen incident &amp;nbsp;·&amp;nbsp; F4 toont of verbergt het
dispatchpaneel &amp;nbsp;·&amp;nbsp; de meldingsstrook boven de wand: een klik opent de hit of de oproep&lt;br&gt;
&lt;b&gt;ANPR-hits&lt;/b&gt;: het tabblad ANPR-hits van het dispatchpaneel (of een klik op de meldingsstrook): kies een hit,
de uitsnede van de nummerplaat en het overzichtsbeeld verschijnen zodra de raadpleging gelogd is; vergelijk de
lezing met het beeld en leg dan Bevestigd, Verkeerd gelezen of Foute lijstregel vast; alleen een bevestigde hit
wordt een incident (Incident maken) &amp;nbsp;·&amp;nbsp; Camera op de wand zet de camera van de hit op de gekozen tegel&lt;br&gt;
&lt;b&gt;Prioriteit 1&lt;/b&gt;: een nieuwe oproep met prioriteit 1 verschijnt op elke werkpost die incidenten behandelt en
neemt geen toetsen aan (Enter noch Esc): Tonen opent ze in het dispatchpaneel; &quot;Bevestigen: ik neem het&quot; neemt
ze op u, gelogd op uw naam, en het venster sluit op elke werkpost; een vergrendelde werkpost telt alleen de
wachtende oproepen en toont het venster zodra ze ontgrendeld is&lt;br&gt;
&lt;b&gt;Direct terugkijken&lt;/b&gt;: F9 speelt de opname van de geselecteerde tegel van 10 s geleden af; nogmaals F9 van
30 s geleden, nogmaals van 2 min geleden (telkens vanaf live); F10 is weer live. De tegel toont dan OPNAME en het
opnametijdstip van het beeld in een magenta band en kader (een live tegel toont de ouderdom van zijn beeld); elk
terugkijken wordt gelogd met uw reden
&amp;nbsp;·&amp;nbsp; Ctrl+P opent de opnames van de gekozen camera in het venster Opnames (terugkijken)&lt;br&gt;
&lt;b&gt;Alarmen&lt;/b&gt;: volgens zijn regel komt de camera van een alarm op de alarmtegel boven de wand (live, en ernaast de
opname van 10 s vóór het alarm, OPNAME) of op een venster van de wand (rood gemarkeerd met ALARM), gelogd onder de
reden van het alarm (&quot;alarm 0042&quot;); F7 sluit de alarmtegel (zonder alarmtegel krijg je je vensters terug) &amp;nbsp;·&amp;nbsp; de
tegels van een Mobbox tonen zijn batterij, verbinding en een open deur&lt;br&gt;
&lt;b&gt;Sessie&lt;/b&gt;: R wijzigt de reden van raadpleging &amp;nbsp;·&amp;nbsp; F8 momentopname van de gekozen tegel (bewijs)
&amp;nbsp;·&amp;nbsp; Ctrl+L vergrendelt het scherm &amp;nbsp;·&amp;nbsp; Ctrl+B toezichtsbord (teamchef; Esc of Ctrl+B sluit
het) &amp;nbsp;·&amp;nbsp; Ctrl+Shift+Q meldt af &amp;nbsp;·&amp;nbsp; F1 deze hulp&lt;br&gt;&lt;br&gt;
&lt;b&gt;Muis&lt;/b&gt;&lt;br&gt;
Sleep een camera uit de lijst op een tegel; sleep een tegel op een andere om ze te wisselen;
dubbelklik op een tegel om hem te vergroten.</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="111"/>
        <source>&lt;br&gt;&lt;br&gt;&lt;b&gt;Alarm queue&lt;/b&gt; (F6: the Alarms tab of the dispatch panel, the focus on its list; the most urgent
on top: priority, then the longest waiting): Enter or a double-click takes the chosen alarm &amp;nbsp;·&amp;nbsp; a
right-click offers Take, Hand back, Make incident and Close as... &amp;nbsp;·&amp;nbsp; the outcome and a note (Enter
closes) right under the list</source>
        <translation>&lt;br&gt;&lt;br&gt;&lt;b&gt;Alarmlijst&lt;/b&gt; (F6: het tabblad Alarmen van het dispatchpaneel, de focus op de lijst; het dringendste
bovenaan: prioriteit, dan wie het langst wacht): Enter of een dubbelklik neemt het gekozen alarm &amp;nbsp;·&amp;nbsp; een
rechtsklik biedt Nemen, Teruggeven, Incident maken en Afsluiten als... &amp;nbsp;·&amp;nbsp; de afloop en een notitie (Enter
sluit af) vlak onder de lijst</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="281"/>
        <source>Recordings of the selected camera</source>
        <translation>Opnames van de gekozen camera</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="309"/>
        <source>← Back to my wall</source>
        <translation>← Terug naar mijn wand</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="311"/>
        <source>Put back the wall that was here before the incident&apos;s cameras</source>
        <translation>De wand terugzetten die hier stond vóór de camera&apos;s van het incident</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="322"/>
        <source>{cameras} cameras ({fixed} fixed, {ptz} PTZ, {anpr} ANPR) in {areas} areas, {mobboxes} Mobbox units</source>
        <translation>{cameras} camera&apos;s ({fixed} vast, {ptz} PTZ, {anpr} ANPR) in {areas} zones, {mobboxes} Mobboxen</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="343"/>
        <source>Workstation {name}</source>
        <translation>Werkpost {name}</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="400"/>
        <source>{count} live</source>
        <translation>{count} live</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="402"/>
        <source>{count} connecting</source>
        <translation>{count} verbinden</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="404"/>
        <source>{count} NO SIGNAL</source>
        <translation>{count} GEEN SIGNAAL</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="414"/>
        <source>Uitkijk – wall {number} · {layout}</source>
        <translation>Uitkijk – wand {number} · {layout}</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="436"/>
        <source>&amp;Tours</source>
        <translation>&amp;Rondes</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="438"/>
        <source>Vie&amp;ws</source>
        <translation>&amp;Weergaven</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="445"/>
        <source>Tour completed</source>
        <translation>Ronde voltooid</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="445"/>
        <source>Tour stopped</source>
        <translation>Ronde gestopt</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="454"/>
        <source>Start “{tour}”  ({steps} steps, {seconds} s)</source>
        <translation>“{tour}” starten  ({steps} stappen, {seconds} s)</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="460"/>
        <source>No tours yet</source>
        <translation>Nog geen rondes</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="462"/>
        <source>Stop the tour</source>
        <translation>De ronde stoppen</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="466"/>
        <source>New tour from this wall…</source>
        <translation>Nieuwe ronde vanuit deze wand…</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="468"/>
        <source>Add this wall as a step to</source>
        <translation>Deze wand als stap toevoegen aan</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="488"/>
        <source>New tour</source>
        <translation>Nieuwe ronde</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="488"/>
        <source>Name of the tour:</source>
        <translation>Naam van de ronde:</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="498"/>
        <source>Tour “{tour}” saved with one step</source>
        <translation>Ronde “{tour}” bewaard met één stap</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="505"/>
        <source>Step added to “{tour}”</source>
        <translation>Stap toegevoegd aan “{tour}”</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="510"/>
        <source>Save this wall as a view…</source>
        <translation>Deze wand als weergave bewaren…</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="561"/>
        <source>Back to your wall</source>
        <translation>Terug naar uw wand</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="569"/>
        <source>View “{view}”</source>
        <translation>Weergave “{view}”</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="572"/>
        <source>Save view</source>
        <translation>Weergave bewaren</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="572"/>
        <source>Name of this view:</source>
        <translation>Naam van deze weergave:</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="575"/>
        <source>View “{view}” saved</source>
        <translation>Weergave “{view}” bewaard</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="609"/>
        <source>The reason for viewing that covers this wall: R changes it</source>
        <translation>De reden van raadpleging voor deze wand: R wijzigt ze</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="615"/>
        <source>&amp;Session</source>
        <translation>&amp;Sessie</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="616"/>
        <source>Change the reason for viewing…</source>
        <translation>Reden van raadpleging wijzigen…</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="617"/>
        <source>Snapshot of the selected tile (evidence)</source>
        <translation>Momentopname van de gekozen tegel (bewijs)</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="619"/>
        <source>Lock the screen</source>
        <translation>Scherm vergrendelen</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="621"/>
        <source>Supervision board</source>
        <translation>Toezichtsbord</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="622"/>
        <source>Sign out (change user)</source>
        <translation>Afmelden (andere gebruiker)</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="628"/>
        <source>{user} ({role}) on {workstation}</source>
        <translation>{user} ({role}) op {workstation}</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="649"/>
        <source>Instant replay of the selected tile (10 s, again 30 s, again 2 min)</source>
        <translation>Direct terugkijken op de geselecteerde tegel (10 s, nogmaals 30 s, nogmaals 2 min)</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="652"/>
        <source>F9: the selected tile&apos;s recording from 10 s ago; again: 30 s, again: 2 min</source>
        <translation>F9: de opname van de geselecteerde tegel van 10 s geleden; nogmaals: 30 s, nogmaals: 2 min</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="653"/>
        <source>Back to live</source>
        <translation>Terug naar live</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="669"/>
        <location filename="../../console/ui/main_window.py" line="673"/>
        <source>Map</source>
        <translation>Kaart</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="675"/>
        <source>Map window (for a wall monitor)</source>
        <translation>Kaartvenster (voor een wandscherm)</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="698"/>
        <location filename="../../console/ui/main_window.py" line="749"/>
        <source>Dispatch</source>
        <translation>Dispatching</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="706"/>
        <source>&amp;Dispatch</source>
        <translation>&amp;Dispatching</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="707"/>
        <source>New incident from the selected tile</source>
        <translation>Nieuw incident vanuit de gekozen tegel</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="708"/>
        <source>New incident</source>
        <translation>Nieuw incident</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="709"/>
        <source>Video follows the selected incident</source>
        <translation>Beeld volgt het gekozen incident</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="715"/>
        <source>Video follows to</source>
        <translation>Beeld volgt naar</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="718"/>
        <source>Dispatch panel</source>
        <translation>Dispatchpaneel</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="757"/>
        <source>No reason for viewing: press R</source>
        <translation>Geen reden van raadpleging: druk op R</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="760"/>
        <source>Reason: {reason}</source>
        <translation>Reden: {reason}</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="771"/>
        <location filename="../../console/ui/main_window.py" line="774"/>
        <source>Not done: {why}</source>
        <translation>Niet gedaan: {why}</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="775"/>
        <source>The audit log cannot be written: nothing new is shown or moved</source>
        <translation>De auditlog kan niet geschreven worden: niets nieuws wordt getoond of bewogen</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="781"/>
        <source>The audit log is written again.</source>
        <translation>De auditlog wordt weer geschreven.</translation>
    </message>
</context>
<context>
    <name>Words</name>
    <message>
        <location filename="../../console/dispatch/model.py" line="326"/>
        <source>fight</source>
        <translation>vechtpartij</translation>
    </message>
    <message>
        <location filename="../../console/dispatch/model.py" line="327"/>
        <source>shoplifting</source>
        <translation>winkeldiefstal</translation>
    </message>
    <message>
        <location filename="../../console/dispatch/model.py" line="328"/>
        <source>purse snatching</source>
        <translation>gauwdiefstal</translation>
    </message>
    <message>
        <location filename="../../console/dispatch/model.py" line="329"/>
        <source>bike theft</source>
        <translation>fietsdiefstal</translation>
    </message>
    <message>
        <location filename="../../console/dispatch/model.py" line="330"/>
        <source>burglary</source>
        <translation>inbraak</translation>
    </message>
    <message>
        <location filename="../../console/dispatch/model.py" line="331"/>
        <source>vandalism</source>
        <translation>vandalisme</translation>
    </message>
    <message>
        <location filename="../../console/dispatch/model.py" line="332"/>
        <source>nuisance</source>
        <translation>overlast</translation>
    </message>
    <message>
        <location filename="../../console/dispatch/model.py" line="333"/>
        <source>suspicious person</source>
        <translation>verdacht persoon</translation>
    </message>
    <message>
        <location filename="../../console/dispatch/model.py" line="334"/>
        <source>traffic accident</source>
        <translation>verkeersongeval</translation>
    </message>
    <message>
        <location filename="../../console/dispatch/model.py" line="335"/>
        <source>wanted vehicle</source>
        <translation>geseind voertuig</translation>
    </message>
    <message>
        <location filename="../../console/dispatch/model.py" line="336"/>
        <source>missing person</source>
        <translation>vermiste persoon</translation>
    </message>
    <message>
        <location filename="../../console/dispatch/model.py" line="337"/>
        <source>camera observation</source>
        <translation>camerawaarneming</translation>
    </message>
    <message>
        <location filename="../../console/dispatch/model.py" line="338"/>
        <location filename="../../console/ui/words.py" line="39"/>
        <source>other</source>
        <translation>andere</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="33"/>
        <source>administrative police</source>
        <translation>bestuurlijke politie</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="34"/>
        <source>judicial police</source>
        <translation>gerechtelijke politie</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="35"/>
        <source>virtual patrol</source>
        <translation>virtuele patrouille</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="36"/>
        <location filename="../../console/ui/words.py" line="99"/>
        <location filename="../../console/ui/words.py" line="525"/>
        <source>incident</source>
        <translation>incident</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="37"/>
        <location filename="../../console/ui/words.py" line="438"/>
        <location filename="../../console/ui/words.py" line="522"/>
        <source>ANPR hit</source>
        <translation>ANPR-hit</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="38"/>
        <source>request from an investigator</source>
        <translation>vraag van een onderzoeker</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="40"/>
        <location filename="../../console/ui/words.py" line="485"/>
        <source>alarm</source>
        <translation>alarm</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="41"/>
        <source>motion</source>
        <translation>beweging</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="42"/>
        <source>tamper</source>
        <translation>sabotage</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="43"/>
        <source>video loss</source>
        <translation>beeldverlies</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="44"/>
        <source>frozen picture</source>
        <translation>bevroren beeld</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="45"/>
        <location filename="../../console/ui/words.py" line="507"/>
        <source>door</source>
        <translation>deur</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="46"/>
        <location filename="../../console/ui/words.py" line="489"/>
        <source>battery</source>
        <translation>batterij</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="47"/>
        <location filename="../../console/ui/words.py" line="591"/>
        <source>uplink</source>
        <translation>verbinding</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="48"/>
        <source>digital input</source>
        <translation>digitale ingang</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="49"/>
        <location filename="../../console/ui/words.py" line="98"/>
        <source>operator</source>
        <translation>operator</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="50"/>
        <location filename="../../console/ui/words.py" line="100"/>
        <source>team chief</source>
        <translation>teamchef</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="51"/>
        <source>call-taker</source>
        <translation>calltaker</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="52"/>
        <source>data-protection officer</source>
        <translation>functionaris voor gegevensbescherming</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="53"/>
        <source>administrator</source>
        <translation>beheerder</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="54"/>
        <source>investigator</source>
        <translation>onderzoeker</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="55"/>
        <source>view live video</source>
        <translation>live beelden bekijken</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="56"/>
        <source>run a tour</source>
        <translation>een ronde laten lopen</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="57"/>
        <source>control a PTZ camera</source>
        <translation>een PTZ-camera besturen</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="58"/>
        <source>take over another operator&apos;s PTZ camera</source>
        <translation>de PTZ-camera van een andere operator overnemen</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="59"/>
        <source>take a snapshot</source>
        <translation>een momentopname nemen</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="60"/>
        <source>edit tours</source>
        <translation>rondes bewerken</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="61"/>
        <source>create and update incidents</source>
        <translation>incidenten aanmaken en bijwerken</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="62"/>
        <source>dispatch units</source>
        <translation>ploegen sturen</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="63"/>
        <source>see who watches what (the board)</source>
        <translation>zien wie wat bekijkt (het bord)</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="64"/>
        <source>read the audit log</source>
        <translation>de auditlog lezen</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="65"/>
        <source>export the audit log</source>
        <translation>de auditlog exporteren</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="66"/>
        <source>configure cameras and users</source>
        <translation>camera&apos;s en gebruikers instellen</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="67"/>
        <source>play back recordings</source>
        <translation>opnames terugkijken</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="68"/>
        <source>export recordings</source>
        <translation>opnames exporteren</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="69"/>
        <source>place an evidence lock</source>
        <translation>een bewijsvergrendeling plaatsen</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="70"/>
        <source>release an evidence lock</source>
        <translation>een bewijsvergrendeling opheffen</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="71"/>
        <source>import outside footage</source>
        <translation>externe beelden importeren</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="72"/>
        <source>take and close alarms</source>
        <translation>alarmen nemen en afsluiten</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="73"/>
        <location filename="../../console/ui/words.py" line="109"/>
        <source>phone</source>
        <translation>telefoon</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="74"/>
        <location filename="../../console/ui/words.py" line="113"/>
        <location filename="../../console/ui/words.py" line="492"/>
        <source>camera</source>
        <translation>camera</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="75"/>
        <source>ANPR</source>
        <translation>ANPR</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="76"/>
        <source>patrol</source>
        <translation>patrouille</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="77"/>
        <source>citizen report</source>
        <translation>burgermelding</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="78"/>
        <source>new</source>
        <translation>nieuw</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="79"/>
        <location filename="../../console/ui/words.py" line="88"/>
        <source>dispatched</source>
        <translation>gestuurd</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="80"/>
        <location filename="../../console/ui/words.py" line="90"/>
        <source>on scene</source>
        <translation>ter plaatse</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="81"/>
        <location filename="../../console/ui/words.py" line="636"/>
        <source>closed</source>
        <translation>afgesloten</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="82"/>
        <source>cancelled</source>
        <translation>geannuleerd</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="83"/>
        <source>merged</source>
        <translation>samengevoegd</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="84"/>
        <source>car</source>
        <translation>wagen</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="85"/>
        <source>bike</source>
        <translation>fiets</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="86"/>
        <source>foot</source>
        <translation>te voet</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="87"/>
        <source>available</source>
        <translation>beschikbaar</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="89"/>
        <source>en route</source>
        <translation>onderweg</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="91"/>
        <source>busy</source>
        <translation>bezet</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="92"/>
        <source>out of service</source>
        <translation>buiten dienst</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="93"/>
        <source>connecting</source>
        <translation>verbinden</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="94"/>
        <source>live</source>
        <translation>live</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="95"/>
        <source>no signal</source>
        <translation>geen signaal</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="96"/>
        <location filename="../../console/ui/words.py" line="170"/>
        <location filename="../../console/ui/words.py" line="289"/>
        <location filename="../../console/ui/words.py" line="616"/>
        <location filename="../../console/ui/words.py" line="617"/>
        <source>stopped</source>
        <translation>gestopt</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="97"/>
        <location filename="../../console/ui/words.py" line="584"/>
        <source>tour</source>
        <translation>ronde</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="105"/>
        <location filename="../../console/ui/words.py" line="586"/>
        <source>type</source>
        <translation>aard</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="106"/>
        <source>address</source>
        <translation>adres</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="107"/>
        <location filename="../../console/ui/words.py" line="487"/>
        <source>area</source>
        <translation>zone</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="108"/>
        <source>caller</source>
        <translation>melder</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="110"/>
        <location filename="../../console/ui/words.py" line="119"/>
        <source>report number</source>
        <translation>PV-nummer</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="111"/>
        <source>description</source>
        <translation>beschrijving</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="112"/>
        <location filename="../../console/ui/words.py" line="547"/>
        <source>outcome</source>
        <translation>afloop</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="114"/>
        <location filename="../../console/ui/words.py" line="551"/>
        <source>plate</source>
        <translation>plaat</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="115"/>
        <location filename="../../console/ui/words.py" line="501"/>
        <source>country</source>
        <translation>land</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="116"/>
        <source>confirmed</source>
        <translation>bevestigd</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="117"/>
        <source>misread</source>
        <translation>verkeerd gelezen</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="118"/>
        <source>wrong list entry</source>
        <translation>foute lijstregel</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="120"/>
        <location filename="../../console/ui/words.py" line="553"/>
        <source>priority</source>
        <translation>prioriteit</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="121"/>
        <location filename="../../console/ui/words.py" line="533"/>
        <source>latitude</source>
        <translation>breedtegraad</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="122"/>
        <location filename="../../console/ui/words.py" line="539"/>
        <source>longitude</source>
        <translation>lengtegraad</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="125"/>
        <source>inbound</source>
        <translation>inkomend</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="126"/>
        <source>outbound</source>
        <translation>uitgaand</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="127"/>
        <source>direction unknown</source>
        <translation>richting onbekend</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="132"/>
        <source>nothing recorded at this time</source>
        <translation>niets opgenomen op dit moment</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="133"/>
        <source>not recorded yet</source>
        <translation>nog niet opgenomen</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="134"/>
        <source>the recording&apos;s file holds no picture</source>
        <translation>het bestand van de opname bevat geen beeld</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="135"/>
        <source>the recording&apos;s file is missing</source>
        <translation>het bestand van de opname ontbreekt</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="136"/>
        <source>the recording&apos;s file may not be read (permissions)</source>
        <translation>het bestand van de opname mag niet gelezen worden (rechten)</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="139"/>
        <source>the recording&apos;s file could not be read (damaged)</source>
        <translation>het bestand van de opname kon niet gelezen worden (beschadigd)</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="142"/>
        <source>the recording&apos;s file could not be read</source>
        <translation>het bestand van de opname kon niet gelezen worden</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="143"/>
        <source>the recording could not be played</source>
        <translation>de opname kon niet afgespeeld worden</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="144"/>
        <source>opening the recording…</source>
        <translation>de opname wordt geopend…</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="156"/>
        <source>connection refused</source>
        <translation>verbinding geweigerd</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="157"/>
        <source>not authorised: check the camera&apos;s user name and password</source>
        <translation>geen toegang: controleer de gebruikersnaam en het wachtwoord van de camera</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="160"/>
        <source>refused (403): this workstation may not pull the stream</source>
        <translation>geweigerd (403): deze werkpost mag de stream niet ophalen</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="163"/>
        <source>the camera has no such stream (404)</source>
        <translation>de camera heeft die stream niet (404)</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="164"/>
        <source>the camera ended the stream</source>
        <translation>de camera beëindigde de stream</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="165"/>
        <source>the camera closed the connection</source>
        <translation>de camera verbrak de verbinding</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="166"/>
        <source>the camera&apos;s answer could not be read</source>
        <translation>het antwoord van de camera was onleesbaar</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="167"/>
        <source>the decoding process stopped; starting it again</source>
        <translation>het decodeerproces stopte; het wordt opnieuw gestart</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="175"/>
        <source>no answer within {seconds} s</source>
        <translation>geen antwoord binnen {seconds} s</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="177"/>
        <source>no frames for {seconds} s</source>
        <translation>geen beelden gedurende {seconds} s</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="178"/>
        <source>the camera refused: {reason}</source>
        <translation>de camera weigerde: {reason}</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="264"/>
        <source>{category} ({kind})</source>
        <translation>{category} ({kind})</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="269"/>
        <source>{reason}: {reference}</source>
        <translation>{reason}: {reference}</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="279"/>
        <source>external system</source>
        <translation>extern systeem</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="280"/>
        <source>administrator (command line)</source>
        <translation>beheerder (opdrachtregel)</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="281"/>
        <location filename="../../console/ui/words.py" line="558"/>
        <source>recorder</source>
        <translation>recorder</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="288"/>
        <source>disk full</source>
        <translation>schijf vol</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="297"/>
        <source>recorder {name}: {problem}</source>
        <translation>recorder {name}: {problem}</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="298"/>
        <source>not recorded now: {camera}</source>
        <translation>nu niet opgenomen: {camera}</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="299"/>
        <source>{count} cameras not recorded now</source>
        <translation>{count} camera&apos;s nu niet opgenomen</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="300"/>
        <source>Not recorded now: {cameras}</source>
        <translation>Nu niet opgenomen: {cameras}</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="317"/>
        <source>{time}: relay {dead} down, {relay} took {camera}</source>
        <translation>{time}: relay {dead} uitgevallen, {relay} nam {camera} over</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="318"/>
        <source>{time}: relay {dead} down, {relay} took {count} cameras</source>
        <translation>{time}: relay {dead} uitgevallen, {relay} nam {count} camera&apos;s over</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="319"/>
        <source>Taken over: {cameras}</source>
        <translation>Overgenomen: {cameras}</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="368"/>
        <source>active</source>
        <translation>actief</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="368"/>
        <source>locked</source>
        <translation>vergrendeld</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="375"/>
        <source>— none —</source>
        <translation>— geen —</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="392"/>
        <source>wall {number}</source>
        <translation>wand {number}</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="396"/>
        <source>signed in</source>
        <translation>aangemeld</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="397"/>
        <source>sign-in refused</source>
        <translation>aanmelding geweigerd</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="398"/>
        <location filename="../../console/ui/words.py" line="646"/>
        <source>signed out</source>
        <translation>afgemeld</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="399"/>
        <source>screen locked</source>
        <translation>scherm vergrendeld</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="400"/>
        <source>screen unlocked</source>
        <translation>scherm ontgrendeld</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="401"/>
        <source>unlock refused</source>
        <translation>ontgrendeling geweigerd</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="402"/>
        <source>reason given</source>
        <translation>reden opgegeven</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="403"/>
        <source>reason ended</source>
        <translation>reden beëindigd</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="404"/>
        <source>configuration loaded</source>
        <translation>configuratie geladen</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="405"/>
        <source>configuration changed</source>
        <translation>configuratie gewijzigd</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="406"/>
        <source>audit log resumed</source>
        <translation>auditlog hervat</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="407"/>
        <source>audit log searched</source>
        <translation>auditlog doorzocht</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="408"/>
        <source>audit log exported</source>
        <translation>auditlog geëxporteerd</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="409"/>
        <source>viewing started</source>
        <translation>bekijken gestart</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="410"/>
        <source>viewing start withdrawn</source>
        <translation>start van bekijken ingetrokken</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="411"/>
        <source>viewing start corrected</source>
        <translation>start van bekijken rechtgezet</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="412"/>
        <source>viewing stopped</source>
        <translation>bekijken gestopt</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="413"/>
        <source>tour started</source>
        <translation>ronde gestart</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="414"/>
        <source>tour stopped</source>
        <translation>ronde gestopt</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="415"/>
        <source>snapshot taken</source>
        <translation>momentopname genomen</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="416"/>
        <source>PTZ control taken</source>
        <translation>PTZ-besturing genomen</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="417"/>
        <source>PTZ control refused</source>
        <translation>PTZ-besturing geweigerd</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="418"/>
        <source>PTZ control ended</source>
        <translation>PTZ-besturing beëindigd</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="419"/>
        <source>PTZ moved</source>
        <translation>PTZ bewogen</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="420"/>
        <source>PTZ aimed at a spot</source>
        <translation>PTZ op een plek gericht</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="421"/>
        <source>PTZ sent home</source>
        <translation>PTZ naar thuispositie</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="422"/>
        <source>PTZ preset called</source>
        <translation>PTZ-preset opgeroepen</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="423"/>
        <source>PTZ preset call withdrawn</source>
        <translation>oproep van PTZ-preset ingetrokken</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="424"/>
        <source>PTZ preset saved</source>
        <translation>PTZ-preset bewaard</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="425"/>
        <source>PTZ preset removed</source>
        <translation>PTZ-preset verwijderd</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="426"/>
        <source>incident created</source>
        <translation>incident aangemaakt</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="427"/>
        <source>incident changed</source>
        <translation>incident gewijzigd</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="428"/>
        <source>incident note</source>
        <translation>notitie bij incident</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="429"/>
        <source>camera linked to incident</source>
        <translation>camera aan incident gekoppeld</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="430"/>
        <source>incident closed</source>
        <translation>incident afgesloten</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="431"/>
        <source>incident cancelled</source>
        <translation>incident geannuleerd</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="432"/>
        <source>incident merged</source>
        <translation>incident samengevoegd</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="433"/>
        <source>priority 1 acknowledged</source>
        <translation>prioriteit 1 bevestigd</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="434"/>
        <source>priority 1 warning</source>
        <translation>waarschuwing prioriteit 1</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="435"/>
        <source>unit dispatched</source>
        <translation>ploeg gestuurd</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="436"/>
        <source>unit state</source>
        <translation>status van ploeg</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="437"/>
        <source>units configured</source>
        <translation>ploegen geconfigureerd</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="439"/>
        <source>ANPR hit opened</source>
        <translation>ANPR-hit geopend</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="440"/>
        <source>ANPR hit checked</source>
        <translation>ANPR-hit gecontroleerd</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="441"/>
        <source>playback started</source>
        <translation>terugkijken gestart</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="442"/>
        <source>playback stopped</source>
        <translation>terugkijken gestopt</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="443"/>
        <source>recording exported</source>
        <translation>opname geëxporteerd</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="444"/>
        <source>evidence lock placed</source>
        <translation>bewijsvergrendeling geplaatst</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="445"/>
        <source>evidence lock released</source>
        <translation>bewijsvergrendeling opgeheven</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="446"/>
        <source>recording deleted (retention)</source>
        <translation>opname gewist (bewaartermijn)</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="447"/>
        <source>ANPR hits deleted (retention)</source>
        <translation>ANPR-hits gewist (bewaartermijn)</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="448"/>
        <source>evidence stills deleted (retention)</source>
        <translation>momentopnames (bewijs) gewist (bewaartermijn)</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="449"/>
        <source>alarm stills deleted (retention)</source>
        <translation>alarmbeelden gewist (bewaartermijn)</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="450"/>
        <source>outside footage imported</source>
        <translation>externe beelden geïmporteerd</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="451"/>
        <source>stream pulled for recording</source>
        <translation>beeldstroom opgehaald voor opname</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="452"/>
        <source>stream pulled for the alarm detectors</source>
        <translation>beeldstroom opgehaald voor de alarmdetectoren</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="453"/>
        <source>alarm raised</source>
        <translation>alarm gegeven</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="454"/>
        <source>alarm taken</source>
        <translation>alarm genomen</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="455"/>
        <source>alarm handed back</source>
        <translation>alarm teruggegeven</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="456"/>
        <source>alarm escalated to the team chief</source>
        <translation>alarm doorgezet naar de teamchef</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="457"/>
        <source>alarm closed</source>
        <translation>alarm afgesloten</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="482"/>
        <source>action</source>
        <translation>handeling</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="483"/>
        <source>added</source>
        <translation>toegevoegd</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="484"/>
        <source>after</source>
        <translation>na</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="486"/>
        <source>alarm outcome</source>
        <translation>afloop van het alarm</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="488"/>
        <source>battery low</source>
        <translation>batterij laag</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="490"/>
        <source>brightness</source>
        <translation>helderheid</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="491"/>
        <source>size</source>
        <translation>grootte</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="493"/>
        <source>cameras</source>
        <translation>camera&apos;s</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="494"/>
        <source>cause</source>
        <translation>oorzaak</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="495"/>
        <source>change</source>
        <translation>wijziging</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="496"/>
        <source>changed files</source>
        <translation>gewijzigde bestanden</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="497"/>
        <source>characters</source>
        <translation>tekens</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="498"/>
        <source>codec</source>
        <translation>codec</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="499"/>
        <source>confidence</source>
        <translation>zekerheid</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="500"/>
        <source>contrast</source>
        <translation>contrast</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="502"/>
        <source>day (UTC)</source>
        <translation>dag (UTC)</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="503"/>
        <source>judicial decision</source>
        <translation>gerechtelijke beslissing</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="504"/>
        <source>device</source>
        <translation>toestel</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="505"/>
        <source>picture difference</source>
        <translation>beeldverschil</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="506"/>
        <source>direction</source>
        <translation>richting</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="508"/>
        <source>duration</source>
        <translation>duur</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="509"/>
        <source>earlier hit</source>
        <translation>eerdere hit</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="510"/>
        <source>entries</source>
        <translation>regels</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="511"/>
        <source>event at</source>
        <translation>gebeurtenis om</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="512"/>
        <source>fields</source>
        <translation>velden</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="513"/>
        <source>file</source>
        <translation>bestand</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="514"/>
        <source>file fingerprint (SHA-256)</source>
        <translation>vingerafdruk van het bestand (SHA-256)</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="515"/>
        <source>files</source>
        <translation>bestanden</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="516"/>
        <source>finding</source>
        <translation>vaststelling</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="517"/>
        <source>folder</source>
        <translation>map</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="518"/>
        <location filename="../../console/ui/words.py" line="519"/>
        <source>from</source>
        <translation>vanaf</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="520"/>
        <source>playback grant</source>
        <translation>toelating terugkijken</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="521"/>
        <source>happened at</source>
        <translation>gebeurd om</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="523"/>
        <source>ANPR hits</source>
        <translation>ANPR-hits</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="524"/>
        <source>how</source>
        <translation>hoe</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="526"/>
        <source>initial state</source>
        <translation>begintoestand</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="527"/>
        <source>input</source>
        <translation>ingang</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="528"/>
        <source>joined an earlier hit</source>
        <translation>bij een eerdere hit gevoegd</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="529"/>
        <source>joined incident</source>
        <translation>bij incident gevoegd</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="530"/>
        <source>kind</source>
        <translation>soort</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="531"/>
        <source>largest area</source>
        <translation>grootste oppervlakte</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="532"/>
        <source>last picture shown</source>
        <translation>laatste beeld getoond</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="534"/>
        <source>layout</source>
        <translation>indeling</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="535"/>
        <source>list</source>
        <translation>lijst</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="536"/>
        <source>evidence lock</source>
        <translation>bewijsvergrendeling</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="537"/>
        <source>log ended at entry</source>
        <translation>log eindigde bij regel</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="538"/>
        <source>logged ahead</source>
        <translation>vooraf gelogd</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="540"/>
        <source>lost entries</source>
        <translation>verloren regels</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="541"/>
        <source>manifest fingerprint (SHA-256)</source>
        <translation>vingerafdruk van het manifest (SHA-256)</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="542"/>
        <source>missing</source>
        <translation>ontbrekend</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="543"/>
        <source>number</source>
        <translation>nummer</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="544"/>
        <source>name</source>
        <translation>naam</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="545"/>
        <source>note</source>
        <translation>notitie</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="546"/>
        <source>cameras offline</source>
        <translation>camera&apos;s offline</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="548"/>
        <source>pan</source>
        <translation>pan</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="549"/>
        <source>placed by</source>
        <translation>geplaatst door</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="550"/>
        <source>placed at</source>
        <translation>geplaatst om</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="552"/>
        <source>preset</source>
        <translation>preset</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="554"/>
        <source>stream pull</source>
        <translation>beeldstroom ophalen</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="555"/>
        <source>reason</source>
        <translation>reden</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="556"/>
        <source>words of the reason</source>
        <translation>woorden van de reden</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="557"/>
        <source>recipient</source>
        <translation>ontvanger</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="559"/>
        <source>relay down</source>
        <translation>relay uitgevallen</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="560"/>
        <source>repeating</source>
        <translation>herhalend</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="561"/>
        <source>role</source>
        <translation>rol</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="562"/>
        <source>rule</source>
        <translation>regel</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="563"/>
        <source>segments</source>
        <translation>segmenten</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="282"/>
        <location filename="../../console/ui/words.py" line="564"/>
        <source>service</source>
        <translation>dienst</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="565"/>
        <source>session</source>
        <translation>sessie</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="566"/>
        <source>fingerprint (SHA-256)</source>
        <translation>vingerafdruk (SHA-256)</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="567"/>
        <source>from day (UTC)</source>
        <translation>vanaf dag (UTC)</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="568"/>
        <source>snapshot</source>
        <translation>momentopname</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="569"/>
        <source>source</source>
        <translation>bron</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="570"/>
        <source>state</source>
        <translation>status</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="571"/>
        <source>step due at</source>
        <translation>stap gepland om</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="572"/>
        <source>steps</source>
        <translation>stappen</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="573"/>
        <source>steps shown</source>
        <translation>stappen getoond</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="574"/>
        <source>unchanged for</source>
        <translation>onveranderd gedurende</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="575"/>
        <source>stills</source>
        <translation>stilstaande beelden</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="576"/>
        <source>stopped at</source>
        <translation>gestopt om</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="577"/>
        <source>stream</source>
        <translation>beeldstroom</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="578"/>
        <source>taken from</source>
        <translation>overgenomen van</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="579"/>
        <source>taken over from</source>
        <translation>overgenomen van</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="580"/>
        <source>tile</source>
        <translation>tegel</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="581"/>
        <source>tilt</source>
        <translation>tilt</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="582"/>
        <source>to</source>
        <translation>tot</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="583"/>
        <source>ONVIF topic</source>
        <translation>ONVIF-topic</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="585"/>
        <source>tours</source>
        <translation>rondes</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="587"/>
        <source>unit</source>
        <translation>ploeg</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="588"/>
        <source>units cleared</source>
        <translation>ploegen vrijgegeven</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="589"/>
        <source>not recorded</source>
        <translation>niet opgenomen</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="590"/>
        <source>before day (UTC)</source>
        <translation>vóór dag (UTC)</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="592"/>
        <source>user</source>
        <translation>gebruiker</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="593"/>
        <source>via</source>
        <translation>via</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="594"/>
        <source>waited</source>
        <translation>gewacht</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="595"/>
        <source>wall</source>
        <translation>wand</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="596"/>
        <source>was due at</source>
        <translation>was gepland om</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="597"/>
        <source>what</source>
        <translation>wat</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="598"/>
        <source>where</source>
        <translation>waar</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="599"/>
        <source>why</source>
        <translation>waarom</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="600"/>
        <source>zone</source>
        <translation>zone</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="601"/>
        <source>zoom</source>
        <translation>zoom</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="607"/>
        <location filename="../../console/ui/words.py" line="608"/>
        <source>judicial file</source>
        <translation>gerechtelijk dossier</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="609"/>
        <location filename="../../console/ui/words.py" line="610"/>
        <source>sent to</source>
        <translation>naar</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="615"/>
        <source>started</source>
        <translation>gestart</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="618"/>
        <source>completed</source>
        <translation>afgewerkt</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="619"/>
        <source>main stream</source>
        <translation>hoofdstroom</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="620"/>
        <source>sub-stream</source>
        <translation>substroom</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="621"/>
        <source>operators</source>
        <translation>operators</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="622"/>
        <source>alarm tile</source>
        <translation>alarmtegel</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="623"/>
        <source>the board</source>
        <translation>het bord van de teamchef</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="624"/>
        <source>the map</source>
        <translation>de kaart</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="625"/>
        <source>a desk&apos;s wall in miniature</source>
        <translation>de wand van een werkpost in het klein</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="626"/>
        <source>unattended</source>
        <translation>onbemand</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="627"/>
        <source>sign-in window</source>
        <translation>aanmeldvenster</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="628"/>
        <source>benchmark</source>
        <translation>benchmark</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="629"/>
        <source>user added</source>
        <translation>gebruiker toegevoegd</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="630"/>
        <source>password changed</source>
        <translation>wachtwoord gewijzigd</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="631"/>
        <source>recorder down</source>
        <translation>recorder uitgevallen</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="632"/>
        <source>lens covered</source>
        <translation>lens afgedekt</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="633"/>
        <source>picture moved</source>
        <translation>beeld verdraaid</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="634"/>
        <source>out of focus</source>
        <translation>onscherp</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="635"/>
        <source>open</source>
        <translation>open</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="637"/>
        <source>ok</source>
        <translation>in orde</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="638"/>
        <source>degraded</source>
        <translation>verzwakt</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="639"/>
        <source>lost</source>
        <translation>verloren</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="640"/>
        <source>the camera&apos;s own event</source>
        <translation>eigen melding van de camera</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="641"/>
        <source>detector</source>
        <translation>detector</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="642"/>
        <source>watchdog</source>
        <translation>bewaking van de beeldstroom</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="643"/>
        <source>bodycam</source>
        <translation>bodycam</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="644"/>
        <source>drone</source>
        <translation>drone</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="645"/>
        <source>console closed</source>
        <translation>console gesloten</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="647"/>
        <source>switched user</source>
        <translation>andere gebruiker</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="648"/>
        <source>incident finished</source>
        <translation>incident afgehandeld</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="649"/>
        <location filename="../../console/ui/words.py" line="650"/>
        <source>wrong user name or password</source>
        <translation>verkeerde gebruikersnaam of wachtwoord</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="655"/>
        <source>{label}: {value}</source>
        <translation>{label}: {value}</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="656"/>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="657"/>
        <source>no</source>
        <translation>nee</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="658"/>
        <source>none</source>
        <translation>geen</translation>
    </message>
</context>
</TS>
