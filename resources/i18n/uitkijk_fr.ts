<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_BE" sourcelanguage="en">
<context>
    <name>AlarmFeed</name>
    <message>
        <location filename="../../console/ui/alarm_video.py" line="107"/>
        <source>the alarm queue could not be read: {error}</source>
        <translation>la file des alarmes ne peut pas être lue : {error}</translation>
    </message>
</context>
<context>
    <name>AlarmPanel</name>
    <message>
        <location filename="../../console/ui/alarms.py" line="231"/>
        <location filename="../../console/ui/alarms.py" line="377"/>
        <source>Alarms</source>
        <translation>Alarmes</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms.py" line="243"/>
        <location filename="../../console/ui/alarms.py" line="452"/>
        <source>no still</source>
        <translation>pas d&apos;image</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms.py" line="270"/>
        <source>note (Enter closes)</source>
        <translation>note (Entrée clôture)</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms.py" line="255"/>
        <source>Take (Enter)</source>
        <translation>Prendre (Entrée)</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms.py" line="257"/>
        <source>Hand back</source>
        <translation>Rendre</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms.py" line="259"/>
        <source>Make incident</source>
        <translation>Créer l&apos;incident</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms.py" line="272"/>
        <source>Close</source>
        <translation>Clôturer</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms.py" line="277"/>
        <location filename="../../console/ui/alarms.py" line="508"/>
        <source>to which incident? (choose)</source>
        <translation>à quel incident ? (choisir)</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms.py" line="302"/>
        <source>Take (Enter, double-click)</source>
        <translation>Prendre (Entrée, double-clic)</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms.py" line="309"/>
        <source>Close as</source>
        <translation>Clôturer comme</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms.py" line="356"/>
        <source>Alarm {number} was taken by {name}</source>
        <translation>L&apos;alarme {number} a été prise par {name}</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms.py" line="365"/>
        <source>Alarm {number}: {what} on {camera}</source>
        <translation>Alarme {number} : {what} sur {camera}</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms.py" line="377"/>
        <source>Alarms ({count} new)</source>
        <translation>Alarmes ({count} nouvelles)</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms.py" line="421"/>
        <source>No alarm chosen</source>
        <translation>Aucune alarme choisie</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms.py" line="421"/>
        <source>No alarms</source>
        <translation>Pas d&apos;alarmes</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms.py" line="429"/>
        <source>raised {time}, {repeats} repeats</source>
        <translation>signalée à {time}, {repeats} répétitions</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms.py" line="435"/>
        <source>escalated to the team chief at {time}</source>
        <translation>transmise au chef d&apos;équipe à {time}</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms.py" line="460"/>
        <source>choose an alarm first</source>
        <translation>choisissez d&apos;abord une alarme</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms.py" line="464"/>
        <source>{name} has taken it</source>
        <translation>{name} l&apos;a prise</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms.py" line="465"/>
        <source>you have taken it</source>
        <translation>vous l&apos;avez prise</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms.py" line="466"/>
        <source>Take the alarm: it leaves the other desks&apos; lists (Enter)</source>
        <translation>Prendre l&apos;alarme : elle quitte les listes des autres postes (Entrée)</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms.py" line="468"/>
        <source>only an alarm in progress is handed back</source>
        <translation>seule une alarme en cours peut être rendue</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms.py" line="469"/>
        <source>Hand it back: new again on every list</source>
        <translation>La rendre : à nouveau nouvelle sur chaque liste</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms.py" line="473"/>
        <source>choose the incident first</source>
        <translation>choisissez d&apos;abord l&apos;incident</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms.py" line="475"/>
        <source>Close it with the chosen outcome (a new one is taken too)</source>
        <translation>La clôturer avec le résultat choisi (une nouvelle alarme est aussi prise)</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms.py" line="479"/>
        <source>One action: an incident at the camera&apos;s place with the still, and the alarm closed</source>
        <translation>En une action : un incident au lieu de la caméra avec l&apos;image, et l&apos;alarme clôturée</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms.py" line="494"/>
        <source>Alarm {number} is yours</source>
        <translation>Alarme {number} : elle est à vous</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms.py" line="501"/>
        <source>Alarm {number} handed back</source>
        <translation>Alarme {number} rendue</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms.py" line="328"/>
        <location filename="../../console/ui/alarms.py" line="521"/>
        <source>Choose the incident this alarm belongs to</source>
        <translation>Choisissez l&apos;incident auquel cette alarme appartient</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms.py" line="523"/>
        <source>Alarm {number} added to {incident}</source>
        <translation>Alarme {number} ajoutée à {incident}</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms.py" line="536"/>
        <source>Alarm {number} closed: {outcome}</source>
        <translation>Alarme {number} clôturée : {outcome}</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms.py" line="549"/>
        <source>Camera {camera} is not in this desk&apos;s configuration</source>
        <translation>La caméra {camera} n&apos;est pas dans la configuration de ce poste</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms.py" line="577"/>
        <source>Incident {incident} made from alarm {number}</source>
        <translation>Incident {incident} créé à partir de l&apos;alarme {number}</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms.py" line="614"/>
        <source>Not done: {why}</source>
        <translation>Non effectué : {why}</translation>
    </message>
</context>
<context>
    <name>AlarmQueueModel</name>
    <message>
        <location filename="../../console/ui/alarms.py" line="128"/>
        <source>No.</source>
        <translation>N°</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms.py" line="128"/>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms.py" line="128"/>
        <source>Camera</source>
        <translation>Caméra</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms.py" line="128"/>
        <source>What</source>
        <translation>Quoi</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms.py" line="128"/>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms.py" line="162"/>
        <source>Alarm {number}: {what} on {camera} ({place})</source>
        <translation>Alarme {number} : {what} sur {camera} ({place})</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms.py" line="173"/>
        <source>escalated {time}</source>
        <translation>transmise {time}</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms.py" line="174"/>
        <source>new, {time}</source>
        <translation>nouvelle, {time}</translation>
    </message>
</context>
<context>
    <name>AlarmTile</name>
    <message>
        <location filename="../../console/ui/alarm_video.py" line="198"/>
        <source>Close ({key})</source>
        <translation>Fermer ({key})</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarm_video.py" line="199"/>
        <source>Close the alarm&apos;s video on this desk ({key}); the alarm stays in the queue</source>
        <translation>Fermer la vidéo de l&apos;alarme sur ce poste ({key}) ; l&apos;alarme reste dans la file des alarmes</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarm_video.py" line="236"/>
        <source>ALARM {number} · {kind} · {time}</source>
        <translation>ALARME {number} · {kind} · {time}</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarm_video.py" line="238"/>
        <source>priority {priority} · {camera}</source>
        <translation>priorité {priority} · {camera}</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarm_video.py" line="242"/>
        <source>recording the viewing in the log…</source>
        <translation>journalisation du visionnage…</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarm_video.py" line="243"/>
        <source>the recording from before the alarm is being looked for…</source>
        <translation>recherche de l&apos;enregistrement d&apos;avant l&apos;alarme…</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarm_video.py" line="249"/>
        <source>{count} more alarms with video wait in the queue</source>
        <translation>Encore {count} alarmes avec vidéo en attente dans la file</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarm_video.py" line="250"/>
        <source>One more alarm with video waits in the queue</source>
        <translation>Encore une alarme avec vidéo en attente dans la file</translation>
    </message>
</context>
<context>
    <name>AlarmVideo</name>
    <message>
        <location filename="../../console/ui/alarm_video.py" line="339"/>
        <source>Close the alarm tile</source>
        <translation>Fermer la tuile d&apos;alarme</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarm_video.py" line="412"/>
        <source>ALARM {number} · {kind}</source>
        <translation>ALARME {number} · {kind}</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarm_video.py" line="415"/>
        <source>Alarm {number}: {camera} on window {window}</source>
        <translation>Alarme {number} : {camera} sur la fenêtre {window}</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarm_video.py" line="446"/>
        <source>the audit log cannot be written: no picture</source>
        <translation>le journal d&apos;audit ne peut pas être écrit : pas d&apos;image</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarm_video.py" line="451"/>
        <source>{camera} is not recorded: no picture from before the alarm</source>
        <translation>{camera} n&apos;est pas enregistrée : pas d&apos;image d&apos;avant l&apos;alarme</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarm_video.py" line="460"/>
        <location filename="../../console/ui/alarm_video.py" line="481"/>
        <source>No recording from before the alarm: {why}</source>
        <translation>Pas d&apos;enregistrement d&apos;avant l&apos;alarme : {why}</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarm_video.py" line="480"/>
        <source>the recordings cannot be read now</source>
        <translation>les enregistrements ne peuvent pas être lus maintenant</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarm_video.py" line="480"/>
        <source>nothing recorded before it</source>
        <translation>rien d&apos;enregistré avant l&apos;alarme</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarm_video.py" line="510"/>
        <source>No recording from before the alarm: the access could not be logged</source>
        <translation>Pas d&apos;enregistrement d&apos;avant l&apos;alarme : l&apos;accès n&apos;a pas pu être journalisé</translation>
    </message>
</context>
<context>
    <name>AlertStrip</name>
    <message>
        <location filename="../../console/ui/alert_strip.py" line="37"/>
        <source>No alerts</source>
        <translation>Aucune alerte</translation>
    </message>
    <message>
        <location filename="../../console/ui/alert_strip.py" line="63"/>
        <source>Relay down</source>
        <translation>Relais en panne</translation>
    </message>
    <message>
        <location filename="../../console/ui/alert_strip.py" line="64"/>
        <source>The room&apos;s relays</source>
        <translation>Les relais de la salle</translation>
    </message>
    <message>
        <location filename="../../console/ui/alert_strip.py" line="67"/>
        <source>Escalated {number}</source>
        <translation>Transmise {number}</translation>
    </message>
    <message>
        <location filename="../../console/ui/alert_strip.py" line="70"/>
        <source>Alarms escalated to you, not taken: {count}</source>
        <translation>Alarmes qui vous sont transmises, non prises : {count}</translation>
    </message>
    <message>
        <location filename="../../console/ui/alert_strip.py" line="73"/>
        <source>Alarm {number}</source>
        <translation>Alarme {number}</translation>
    </message>
    <message>
        <location filename="../../console/ui/alert_strip.py" line="76"/>
        <source>New alarms: {count}</source>
        <translation>Nouvelles alarmes : {count}</translation>
    </message>
    <message>
        <location filename="../../console/ui/alert_strip.py" line="78"/>
        <source>ANPR {count}</source>
        <translation>ANPR {count}</translation>
    </message>
    <message>
        <location filename="../../console/ui/alert_strip.py" line="79"/>
        <source>ANPR hits to check: {count}</source>
        <translation>Hits ANPR à vérifier : {count}</translation>
    </message>
    <message>
        <location filename="../../console/ui/alert_strip.py" line="81"/>
        <source>Read again {incident}</source>
        <translation>Relu {incident}</translation>
    </message>
    <message>
        <location filename="../../console/ui/alert_strip.py" line="84"/>
        <source>Wanted vehicle read again: {count}</source>
        <translation>Véhicule signalé relu : {count}</translation>
    </message>
    <message>
        <location filename="../../console/ui/alert_strip.py" line="86"/>
        <source>P1 {incident}</source>
        <translation>P1 {incident}</translation>
    </message>
    <message>
        <location filename="../../console/ui/alert_strip.py" line="89"/>
        <source>Priority 1 waiting for a unit: {count}</source>
        <translation>Priorité 1 en attente d’une équipe : {count}</translation>
    </message>
</context>
<context>
    <name>BoardWindow</name>
    <message>
        <location filename="../../console/ui/board.py" line="133"/>
        <source>Uitkijk – supervision</source>
        <translation>Uitkijk – supervision</translation>
    </message>
    <message>
        <location filename="../../console/ui/board.py" line="142"/>
        <source>Desks</source>
        <translation>Postes</translation>
    </message>
    <message>
        <location filename="../../console/ui/board.py" line="143"/>
        <source>Who watches what</source>
        <translation>Qui regarde quoi</translation>
    </message>
    <message>
        <location filename="../../console/ui/board.py" line="144"/>
        <source>Audit log</source>
        <translation>Journal d&apos;audit</translation>
    </message>
    <message>
        <location filename="../../console/ui/board.py" line="177"/>
        <source>Reading…</source>
        <translation>Lecture…</translation>
    </message>
    <message>
        <location filename="../../console/ui/board.py" line="214"/>
        <source>The store could not be read: {error}</source>
        <translation>Les données n’ont pas pu être lues : {error}</translation>
    </message>
    <message>
        <location filename="../../console/ui/board.py" line="225"/>
        <source>no contact since {time}</source>
        <translation>aucun contact depuis {time}</translation>
    </message>
    <message>
        <location filename="../../console/ui/board.py" line="236"/>
        <source> (no contact)</source>
        <translation> (aucun contact)</translation>
    </message>
    <message>
        <location filename="../../console/ui/board.py" line="295"/>
        <source>login name</source>
        <translation>nom d&apos;utilisateur</translation>
    </message>
    <message>
        <location filename="../../console/ui/board.py" line="297"/>
        <source>camera id</source>
        <translation>id de caméra</translation>
    </message>
    <message>
        <location filename="../../console/ui/board.py" line="299"/>
        <source>words of the reason, e.g. an incident number</source>
        <translation>mots du motif, p. ex. un numéro d&apos;incident</translation>
    </message>
    <message>
        <location filename="../../console/ui/board.py" line="308"/>
        <source>to</source>
        <translation>au</translation>
    </message>
    <message>
        <location filename="../../console/ui/board.py" line="180"/>
        <location filename="../../console/ui/board.py" line="311"/>
        <location filename="../../console/ui/board.py" line="338"/>
        <source>User</source>
        <translation>Utilisateur</translation>
    </message>
    <message>
        <location filename="../../console/ui/board.py" line="181"/>
        <location filename="../../console/ui/board.py" line="312"/>
        <location filename="../../console/ui/board.py" line="342"/>
        <source>Camera</source>
        <translation>Caméra</translation>
    </message>
    <message>
        <location filename="../../console/ui/board.py" line="180"/>
        <location filename="../../console/ui/board.py" line="313"/>
        <location filename="../../console/ui/board.py" line="343"/>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <location filename="../../console/ui/board.py" line="314"/>
        <source>Days (UTC)</source>
        <translation>Jours (UTC)</translation>
    </message>
    <message>
        <location filename="../../console/ui/board.py" line="317"/>
        <source>Search</source>
        <translation>Rechercher</translation>
    </message>
    <message>
        <location filename="../../console/ui/board.py" line="322"/>
        <source>Verify the chain</source>
        <translation>Vérifier la chaîne</translation>
    </message>
    <message>
        <location filename="../../console/ui/board.py" line="327"/>
        <source>Export these entries as CSV…</source>
        <translation>Exporter ces entrées en CSV…</translation>
    </message>
    <message>
        <location filename="../../console/ui/board.py" line="337"/>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <location filename="../../console/ui/board.py" line="183"/>
        <location filename="../../console/ui/board.py" line="339"/>
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <location filename="../../console/ui/board.py" line="180"/>
        <location filename="../../console/ui/board.py" line="340"/>
        <source>Workstation</source>
        <translation>Poste de travail</translation>
    </message>
    <message>
        <location filename="../../console/ui/board.py" line="180"/>
        <source>Since</source>
        <translation>Depuis</translation>
    </message>
    <message>
        <location filename="../../console/ui/board.py" line="181"/>
        <source>Wall</source>
        <translation>Mur</translation>
    </message>
    <message>
        <location filename="../../console/ui/board.py" line="183"/>
        <location filename="../../console/ui/board.py" line="189"/>
        <source>Signed in</source>
        <translation>Connecté</translation>
    </message>
    <message>
        <location filename="../../console/ui/board.py" line="183"/>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <location filename="../../console/ui/board.py" line="185"/>
        <source>Tile</source>
        <translation>Vignette</translation>
    </message>
    <message>
        <location filename="../../console/ui/board.py" line="186"/>
        <source>Tour</source>
        <translation>Ronde</translation>
    </message>
    <message>
        <location filename="../../console/ui/board.py" line="187"/>
        <source>Controlled by</source>
        <translation>Commandée par</translation>
    </message>
    <message>
        <location filename="../../console/ui/board.py" line="187"/>
        <source>Priority</source>
        <translation>Priorité</translation>
    </message>
    <message>
        <location filename="../../console/ui/board.py" line="190"/>
        <source>On their tiles now</source>
        <translation>Sur leurs vignettes maintenant</translation>
    </message>
    <message>
        <location filename="../../console/ui/board.py" line="191"/>
        <source>Tours running</source>
        <translation>Rondes en cours</translation>
    </message>
    <message>
        <location filename="../../console/ui/board.py" line="192"/>
        <source>PTZ control</source>
        <translation>Commande PTZ</translation>
    </message>
    <message>
        <location filename="../../console/ui/board.py" line="226"/>
        <source>writes no audit entry: {problem}</source>
        <translation>n&apos;écrit aucune entrée d&apos;audit : {problem}</translation>
    </message>
    <message>
        <location filename="../../console/ui/board.py" line="255"/>
        <source>{signed_in} signed in, {watching} watching {tiles} tiles</source>
        <translation>{signed_in} connectés, {watching} regardent {tiles} vignettes</translation>
    </message>
    <message>
        <location filename="../../console/ui/board.py" line="259"/>
        <source>{count} without contact</source>
        <translation>{count} sans contact</translation>
    </message>
    <message>
        <location filename="../../console/ui/board.py" line="260"/>
        <source>updated {time}</source>
        <translation>mis à jour {time}</translation>
    </message>
    <message>
        <location filename="../../console/ui/board.py" line="287"/>
        <source>PLAYBACK {time}</source>
        <translation>ENREGISTREMENT {time}</translation>
    </message>
    <message>
        <location filename="../../console/ui/board.py" line="341"/>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../console/ui/board.py" line="344"/>
        <source>Detail</source>
        <translation>Détail</translation>
    </message>
    <message>
        <location filename="../../console/ui/board.py" line="398"/>
        <source>Searching…</source>
        <translation>Recherche…</translation>
    </message>
    <message>
        <location filename="../../console/ui/board.py" line="407"/>
        <source>The search failed: {error}</source>
        <translation>La recherche a échoué : {error}</translation>
    </message>
    <message>
        <location filename="../../console/ui/board.py" line="437"/>
        <source> (the newest {count}; narrow the search)</source>
        <translation> (les {count} plus récentes ; affinez la recherche)</translation>
    </message>
    <message>
        <location filename="../../console/ui/board.py" line="438"/>
        <source>{count} entries</source>
        <translation>{count} entrées</translation>
    </message>
    <message>
        <location filename="../../console/ui/board.py" line="442"/>
        <source>Verifying the chain…</source>
        <translation>Vérification de la chaîne…</translation>
    </message>
    <message>
        <location filename="../../console/ui/board.py" line="446"/>
        <source>Could not verify: {error}</source>
        <translation>Vérification impossible : {error}</translation>
    </message>
    <message>
        <location filename="../../console/ui/board.py" line="454"/>
        <source>BROKEN at entry {entry}: {problem}</source>
        <translation>ROMPUE à l’entrée {entry} : {problem}</translation>
    </message>
    <message>
        <location filename="../../console/ui/board.py" line="458"/>
        <source>BROKEN: {problem}</source>
        <translation>ROMPUE : {problem}</translation>
    </message>
    <message>
        <location filename="../../console/ui/board.py" line="459"/>
        <source>Audit log: {verdict}</source>
        <translation>Journal d&apos;audit : {verdict}</translation>
    </message>
    <message>
        <location filename="../../console/ui/board.py" line="463"/>
        <source>Export</source>
        <translation>Exporter</translation>
    </message>
    <message>
        <location filename="../../console/ui/board.py" line="463"/>
        <source>Who receives this export (name, service)?</source>
        <translation>Qui reçoit cet export (nom, service) ?</translation>
    </message>
    <message>
        <location filename="../../console/ui/board.py" line="467"/>
        <source>Export the audit log</source>
        <translation>Exporter le journal d&apos;audit</translation>
    </message>
    <message>
        <location filename="../../console/ui/board.py" line="485"/>
        <source>{count} entries written to {file}</source>
        <translation>{count} entrées écrites dans {file}</translation>
    </message>
    <message>
        <location filename="../../console/ui/board.py" line="487"/>
        <source>The export failed: {error}</source>
        <translation>L&apos;export a échoué : {error}</translation>
    </message>
</context>
<context>
    <name>CameraPanel</name>
    <message>
        <location filename="../../console/ui/camera_tree.py" line="268"/>
        <source>Search cameras (name, street, id)…</source>
        <translation>Rechercher des caméras (nom, rue, id)…</translation>
    </message>
</context>
<context>
    <name>CameraTreeModel</name>
    <message>
        <location filename="../../console/ui/camera_tree.py" line="78"/>
        <source>Camera</source>
        <translation>Caméra</translation>
    </message>
    <message>
        <location filename="../../console/ui/camera_tree.py" line="78"/>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../console/ui/camera_tree.py" line="78"/>
        <source>Desks</source>
        <translation>Postes</translation>
    </message>
    <message>
        <location filename="../../console/ui/camera_tree.py" line="79"/>
        <source>How many desks of the room show the camera now</source>
        <translation>Sur combien de postes de la salle la caméra est affichée maintenant</translation>
    </message>
    <message>
        <location filename="../../console/ui/camera_tree.py" line="121"/>
        <source>Fixed</source>
        <translation>Fixe</translation>
    </message>
    <message>
        <location filename="../../console/ui/camera_tree.py" line="133"/>
        <source>not on the wall</source>
        <translation>pas sur le mur</translation>
    </message>
    <message>
        <location filename="../../console/ui/camera_tree.py" line="135"/>
        <source>desks of the room showing it: {count}</source>
        <translation>postes de la salle qui l’affichent : {count}</translation>
    </message>
</context>
<context>
    <name>Console</name>
    <message>
        <location filename="../../console/ui/desk.py" line="394"/>
        <source>{holder} took over control of {camera} at {time}</source>
        <translation>{holder} a repris la commande de {camera} à {time}</translation>
    </message>
    <message>
        <location filename="../../console/ui/desk.py" line="466"/>
        <source>Snapshot: select a tile with a camera first</source>
        <translation>Capture : choisissez d&apos;abord une vignette avec une caméra</translation>
    </message>
    <message>
        <location filename="../../console/ui/desk.py" line="410"/>
        <source>Incident {incident} is finished: the next reason?</source>
        <translation>L’incident {incident} est terminé : le motif suivant ?</translation>
    </message>
    <message>
        <location filename="../../console/ui/desk.py" line="555"/>
        <source>Recordings: select a tile with a camera first</source>
        <translation>Enregistrements : choisissez d&apos;abord une vignette avec une caméra</translation>
    </message>
    <message>
        <location filename="../../console/ui/desk.py" line="570"/>
        <source>{incident}: none of its cameras is recorded</source>
        <translation>{incident} : aucune de ses caméras n&apos;est enregistrée</translation>
    </message>
    <message>
        <location filename="../../console/ui/desk.py" line="592"/>
        <source>New incident: select a tile with a camera first</source>
        <translation>Nouvel incident : choisissez d&apos;abord une vignette avec une caméra</translation>
    </message>
    <message>
        <location filename="../../console/ui/desk.py" line="601"/>
        <source>Incident {incident} created from {camera}</source>
        <translation>Incident {incident} créé depuis {camera}</translation>
    </message>
    <message>
        <location filename="../../console/ui/desk.py" line="614"/>
        <source>select a tile with a camera first</source>
        <translation>choisissez d&apos;abord une vignette avec une caméra</translation>
    </message>
    <message>
        <location filename="../../console/ui/desk.py" line="634"/>
        <source>{incident}: {cameras} on wall {number} (Back returns)</source>
        <translation>{incident} : {cameras} sur le mur {number} (Retour pour revenir)</translation>
    </message>
    <message>
        <location filename="../../console/ui/desk.py" line="568"/>
        <location filename="../../console/ui/desk.py" line="641"/>
        <source>{incident}: no camera is linked, near or in its area</source>
        <translation>{incident} : aucune caméra liée, proche ou dans la zone</translation>
    </message>
    <message>
        <location filename="../../console/ui/desk.py" line="645"/>
        <source>The active wall window (else the main one)</source>
        <translation>La fenêtre de mur active (sinon la principale)</translation>
    </message>
    <message>
        <location filename="../../console/ui/desk.py" line="647"/>
        <source>Wall {number} (main)</source>
        <translation>Mur {number} (principal)</translation>
    </message>
    <message>
        <location filename="../../console/ui/desk.py" line="647"/>
        <source>Wall {number}</source>
        <translation>Mur {number}</translation>
    </message>
</context>
<context>
    <name>DeskCard</name>
    <message>
        <location filename="../../console/ui/miniatures.py" line="241"/>
        <source>NO CONTACT since {time}</source>
        <translation>AUCUN CONTACT depuis {time}</translation>
    </message>
    <message>
        <location filename="../../console/ui/miniatures.py" line="242"/>
        <source>This desk has sent no sign of life since then (killed, or cut off): its wall as last known, without pictures</source>
        <translation>Ce poste de travail ne donne plus signe de vie depuis (en panne ou coupé du réseau) : son mur tel que connu en dernier, sans images</translation>
    </message>
    <message>
        <location filename="../../console/ui/miniatures.py" line="245"/>
        <source>last known wall</source>
        <translation>mur tel que connu en dernier</translation>
    </message>
    <message>
        <location filename="../../console/ui/miniatures.py" line="246"/>
        <source>writes no audit entry</source>
        <translation>n&apos;écrit aucune entrée d&apos;audit</translation>
    </message>
</context>
<context>
    <name>DeskMap</name>
    <message>
        <location filename="../../console/ui/desk_map.py" line="220"/>
        <source>{shown} of {count} cameras on the wall (the nearest the area&apos;s centre)</source>
        <translation>{shown} des {count} caméras sur le mur (les plus proches du centre de la zone)</translation>
    </message>
    <message>
        <location filename="../../console/ui/desk_map.py" line="232"/>
        <source>{camera} has not answered over ONVIF yet</source>
        <translation>{camera} n&apos;a pas encore répondu par ONVIF</translation>
    </message>
</context>
<context>
    <name>DeskMiniatures</name>
    <message>
        <location filename="../../console/ui/miniatures.py" line="292"/>
        <source>Show their pictures (each camera is logged as your view, with your reason)</source>
        <translation>Afficher leurs images (chaque caméra est journalisée comme votre visionnage, avec votre motif)</translation>
    </message>
    <message>
        <location filename="../../console/ui/miniatures.py" line="335"/>
        <source>No other desk is signed in.</source>
        <translation>Aucun autre poste n&apos;est connecté.</translation>
    </message>
    <message>
        <location filename="../../console/ui/miniatures.py" line="414"/>
        <source>Pictures not shown: {why}</source>
        <translation>Images non affichées : {why}</translation>
    </message>
</context>
<context>
    <name>Dispatch</name>
    <message>
        <location filename="../../console/ui/dispatch/forms.py" line="56"/>
        <source>Not now: {why}</source>
        <translation>Pas maintenant : {why}</translation>
    </message>
</context>
<context>
    <name>DispatchFeed</name>
    <message>
        <location filename="../../console/ui/dispatch/models.py" line="143"/>
        <source>the dispatch records could not be read: {error}</source>
        <translation>les données du dispatching n&apos;ont pas pu être lues : {error}</translation>
    </message>
</context>
<context>
    <name>DispatchPanel</name>
    <message>
        <location filename="../../console/ui/dispatch/panel.py" line="167"/>
        <source>Open incidents</source>
        <translation>Incidents ouverts</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/panel.py" line="170"/>
        <source>Show finished</source>
        <translation>Terminés</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/panel.py" line="185"/>
        <source>Units</source>
        <translation>Équipes</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/panel.py" line="205"/>
        <source>Incidents</source>
        <translation>Incidents</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/panel.py" line="219"/>
        <location filename="../../console/ui/dispatch/panel.py" line="628"/>
        <source>ANPR hits</source>
        <translation>Hits ANPR</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/panel.py" line="235"/>
        <source>Create the incident, or save its changes (Ctrl+Enter)</source>
        <translation>Créer l&apos;incident ou enregistrer ses modifications (Ctrl+Entrée)</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/panel.py" line="293"/>
        <source>Open incidents ({count})</source>
        <translation>Incidents ouverts ({count})</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/panel.py" line="318"/>
        <source>no unit available</source>
        <translation>aucune équipe disponible</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/panel.py" line="323"/>
        <source>merge into… (choose the incident)</source>
        <translation>fusionner avec… (choisissez l&apos;incident)</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/panel.py" line="334"/>
        <source>select an incident first</source>
        <translation>choisissez d&apos;abord un incident</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/panel.py" line="337"/>
        <source>{incident} is {state}</source>
        <translation>{incident} est {state}</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/panel.py" line="339"/>
        <source>no unit is available</source>
        <translation>aucune équipe n&apos;est disponible</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/panel.py" line="340"/>
        <location filename="../../console/ui/dispatch/panel.py" line="377"/>
        <source>your role sends no units</source>
        <translation>votre rôle n&apos;envoie pas d&apos;équipes</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/panel.py" line="341"/>
        <source>Send the chosen unit</source>
        <translation>Envoyer l&apos;équipe choisie</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/panel.py" line="342"/>
        <source>no wall on this desk</source>
        <translation>pas de mur vidéo sur ce poste</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/panel.py" line="343"/>
        <source>The incident&apos;s cameras on the wall (V)</source>
        <translation>Les caméras de l&apos;incident sur le mur (V)</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/panel.py" line="347"/>
        <source>The selected tile&apos;s camera joins the incident, with a snapshot</source>
        <translation>La caméra de la vignette choisie est liée à l&apos;incident, avec une capture</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/panel.py" line="350"/>
        <source>a unit must be on scene first</source>
        <translation>une équipe doit d&apos;abord être sur place</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/panel.py" line="351"/>
        <source>Close the incident (the outcome is needed)</source>
        <translation>Clôturer l&apos;incident (le résultat est requis)</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/panel.py" line="353"/>
        <source>Cancel the incident</source>
        <translation>Annuler l&apos;incident</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/panel.py" line="355"/>
        <source>choose the incident to merge into</source>
        <translation>choisissez l&apos;incident auquel fusionner</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/panel.py" line="356"/>
        <source>Merge into the chosen incident</source>
        <translation>Fusionner avec l&apos;incident choisi</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/panel.py" line="357"/>
        <source>The unit to send</source>
        <translation>L&apos;équipe à envoyer</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/panel.py" line="358"/>
        <source>The incident to merge this one into</source>
        <translation>L&apos;incident dans lequel fusionner celui-ci</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/panel.py" line="359"/>
        <source>A note in the incident&apos;s timeline (Enter files it)</source>
        <translation>Une note dans la chronologie de l&apos;incident (Entrée l&apos;ajoute)</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/panel.py" line="363"/>
        <source>Its cameras&apos; recordings around its time, in step</source>
        <translation>Les enregistrements de ses caméras autour de son heure, lus ensemble</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/panel.py" line="371"/>
        <source>The selected unit reports: {state}</source>
        <translation>L&apos;équipe choisie signale : {state}</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/panel.py" line="379"/>
        <source>select a unit first</source>
        <translation>choisissez d&apos;abord une équipe</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/panel.py" line="381"/>
        <source>{unit} is already {state}</source>
        <translation>{unit} est déjà {state}</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/panel.py" line="388"/>
        <source>{unit} is sent from an incident</source>
        <translation>{unit} : l&apos;envoi se fait depuis un incident</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/panel.py" line="459"/>
        <source>nothing changed</source>
        <translation>rien de modifié</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/panel.py" line="464"/>
        <source>{incident} saved</source>
        <translation>{incident} enregistré</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/panel.py" line="472"/>
        <source>incident {incident} created</source>
        <translation>incident {incident} créé</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/panel.py" line="502"/>
        <source>note</source>
        <translation>note</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/panel.py" line="503"/>
        <source>new incident</source>
        <translation>nouvel incident</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/panel.py" line="574"/>
        <source>{unit} dispatched to {incident}</source>
        <translation>{unit} envoyée sur {incident}</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/panel.py" line="628"/>
        <source>ANPR hits ({count})</source>
        <translation>Hits ANPR ({count})</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/panel.py" line="632"/>
        <source>ANPR hit: {plate} ({country}) on &apos;{list}&apos; at {where}</source>
        <translation>Hit ANPR : {plate} ({country}) sur « {list} » à {where}</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/panel.py" line="647"/>
        <source>Wanted vehicle read again: {plate} at {where} – incident {incident}</source>
        <translation>Véhicule signalé relu : {plate} à {where} – incident {incident}</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/panel.py" line="685"/>
        <source>hit {hit} ({plate}): {outcome}</source>
        <translation>hit {hit} ({plate}) : {outcome}</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/panel.py" line="707"/>
        <location filename="../../console/ui/dispatch/panel.py" line="738"/>
        <source>Alarms</source>
        <translation>Alarmes</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/panel.py" line="708"/>
        <source>The room&apos;s alarm queue (F6)</source>
        <translation>La file des alarmes de la salle (F6)</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/panel.py" line="738"/>
        <source>Alarms ({count})</source>
        <translation>Alarmes ({count})</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/panel.py" line="776"/>
        <source>{incident}: acknowledged by you</source>
        <translation>{incident} : pris en charge par vous</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/panel.py" line="798"/>
        <source>priority-1 incident {incident} waits {time} without a unit</source>
        <translation>l&apos;incident de priorité 1 {incident} attend {time} sans équipe</translation>
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
        <translation>&amp;Session</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/panel.py" line="877"/>
        <source>Sign out (change user)</source>
        <translation>Se déconnecter (changer d&apos;utilisateur)</translation>
    </message>
</context>
<context>
    <name>Domain</name>
    <message>
        <location filename="../../console/access/permissions.py" line="84"/>
        <location filename="../../console/services/alarm_queue.py" line="123"/>
        <source>the {role} role may not {action}</source>
        <translation>le rôle {role} ne peut pas : {action}</translation>
    </message>
    <message>
        <location filename="../../console/access/reasons.py" line="50"/>
        <source>incident {incident} is finished: its reason covers no new viewing; give a new reason (R)</source>
        <translation>l&apos;incident {incident} est terminé : son motif ne couvre plus de nouveau visionnage ; donnez un nouveau motif (R)</translation>
    </message>
    <message>
        <location filename="../../console/access/reasons.py" line="58"/>
        <source>the reference</source>
        <translation>la référence</translation>
    </message>
    <message>
        <location filename="../../console/access/reasons.py" line="59"/>
        <source>the decision&apos;s reference</source>
        <translation>la référence de la décision</translation>
    </message>
    <message>
        <location filename="../../console/access/reasons.py" line="78"/>
        <source>the decision&apos;s reference is {length} characters long; at most {limit}</source>
        <translation>la référence de la décision compte {length} caractères ; au maximum {limit}</translation>
    </message>
    <message>
        <location filename="../../console/access/reasons.py" line="84"/>
        <source>a prosecutor&apos;s or investigating judge&apos;s decision goes with a judicial reason only</source>
        <translation>une décision du procureur ou du juge d&apos;instruction ne va qu&apos;avec un motif de police judiciaire</translation>
    </message>
    <message>
        <location filename="../../console/access/reasons.py" line="90"/>
        <source>the reference is {length} characters long; at most {limit}</source>
        <translation>la référence compte {length} caractères ; au plus {limit}</translation>
    </message>
    <message>
        <location filename="../../console/access/reasons.py" line="103"/>
        <source>&apos;{category}&apos; needs an incident/report number or a text</source>
        <translation>« {category} » demande un numéro d&apos;incident ou de PV, ou un texte</translation>
    </message>
    <message>
        <location filename="../../console/access/reasons.py" line="108"/>
        <source>judicial police viewing needs the report (PV) number or the investigator&apos;s request</source>
        <translation>un visionnage de police judiciaire demande le numéro de PV ou la demande de l&apos;enquêteur</translation>
    </message>
    <message>
        <location filename="../../console/access/reasons.py" line="141"/>
        <source>unknown category &apos;{category}&apos;; one of {known}</source>
        <translation>catégorie inconnue « {category} » ; une de {known}</translation>
    </message>
    <message>
        <location filename="../../console/access/session.py" line="88"/>
        <source>to {action} you first give a reason for viewing (R)</source>
        <translation>pour {action}, donnez d&apos;abord un motif de visionnage (R)</translation>
    </message>
    <message>
        <location filename="../../console/access/users.py" line="173"/>
        <location filename="../../console/access/users.py" line="175"/>
        <source>wrong user name or password</source>
        <translation>nom d&apos;utilisateur ou mot de passe erroné</translation>
    </message>
    <message>
        <location filename="../../console/dispatch/config.py" line="40"/>
        <source>&apos;{plate}&apos; is not a number plate: 2 to 10 letters and digits (dashes and spaces allowed)</source>
        <translation>« {plate} » n&apos;est pas une plaque d&apos;immatriculation : 2 à 10 lettres et chiffres (tirets et espaces permis)</translation>
    </message>
    <message>
        <location filename="../../console/dispatch/config.py" line="52"/>
        <source>&apos;{country}&apos; is not a country code: the plate&apos;s international code, e.g. B, NL, F, D</source>
        <translation>« {country} » n&apos;est pas un code pays : le code international de la plaque, p. ex. B, NL, F, D</translation>
    </message>
    <message>
        <location filename="../../console/dispatch/intake_checks.py" line="33"/>
        <source>the {field} is longer than {limit} characters</source>
        <translation>{field} dépasse {limit} caractères</translation>
    </message>
    <message>
        <location filename="../../console/dispatch/intake_checks.py" line="40"/>
        <source>the {field} holds bytes that are not UTF-8 text</source>
        <translation>{field} contient des octets qui ne sont pas du texte UTF-8</translation>
    </message>
    <message>
        <location filename="../../console/dispatch/intake_checks.py" line="44"/>
        <source>the {field} holds a control character (U+{code})</source>
        <translation>{field} contient un caractère de contrôle (U+{code})</translation>
    </message>
    <message>
        <location filename="../../console/dispatch/intake_checks.py" line="51"/>
        <source>the {field} holds {character}, a character that shows other than it is stored</source>
        <translation>le champ {field} contient {character}, un caractère qui s&apos;affiche autrement qu&apos;il n&apos;est enregistré</translation>
    </message>
    <message>
        <location filename="../../console/dispatch/model.py" line="85"/>
        <source>dispatch a unit first</source>
        <translation>envoyez d&apos;abord une équipe</translation>
    </message>
    <message>
        <location filename="../../console/dispatch/model.py" line="86"/>
        <source>an incident nobody went to is cancelled, not closed</source>
        <translation>un incident où personne n&apos;est allé est annulé, pas clôturé</translation>
    </message>
    <message>
        <location filename="../../console/dispatch/model.py" line="87"/>
        <source>a unit must be on scene first (or cancel it)</source>
        <translation>une équipe doit d&apos;abord être sur place (ou annulez-le)</translation>
    </message>
    <message>
        <location filename="../../console/dispatch/model.py" line="88"/>
        <source>a unit is on scene: close it with an outcome</source>
        <translation>une équipe est sur place : clôturez-le avec un résultat</translation>
    </message>
    <message>
        <location filename="../../console/dispatch/model.py" line="91"/>
        <location filename="../../console/dispatch/model.py" line="92"/>
        <source>dispatch it to an incident first</source>
        <translation>envoyez-la d&apos;abord sur un incident</translation>
    </message>
    <message>
        <location filename="../../console/dispatch/model.py" line="93"/>
        <source>it reports en route first</source>
        <translation>elle signale d&apos;abord qu&apos;elle est en route</translation>
    </message>
    <message>
        <location filename="../../console/dispatch/model.py" line="94"/>
        <source>it is busy: set it available first</source>
        <translation>elle est occupée : rendez-la d&apos;abord disponible</translation>
    </message>
    <message>
        <location filename="../../console/dispatch/model.py" line="95"/>
        <source>it is out of service</source>
        <translation>elle est hors service</translation>
    </message>
    <message>
        <location filename="../../console/dispatch/model.py" line="104"/>
        <source>incident {incident} is {state}: it cannot change any more</source>
        <translation>l&apos;incident {incident} est {state} : il ne peut plus changer</translation>
    </message>
    <message>
        <location filename="../../console/dispatch/model.py" line="108"/>
        <source>incident {incident} cannot go from {state} to {wanted}</source>
        <translation>l&apos;incident {incident} ne peut pas passer de {state} à {wanted}</translation>
    </message>
    <message>
        <location filename="../../console/dispatch/model.py" line="127"/>
        <source>{refusal}: {hint}</source>
        <translation>{refusal} : {hint}</translation>
    </message>
    <message>
        <location filename="../../console/dispatch/model.py" line="118"/>
        <source>it is on an incident: clear it (available) first</source>
        <translation>elle est sur un incident : libérez-la d&apos;abord (disponible)</translation>
    </message>
    <message>
        <location filename="../../console/dispatch/model.py" line="119"/>
        <source>{unit} cannot go from {state} to {wanted}</source>
        <translation>{unit} ne peut pas passer de {state} à {wanted}</translation>
    </message>
    <message>
        <location filename="../../console/dispatch/service.py" line="75"/>
        <source>incident {incident} is {state}: its reason covers no new viewing; give a new reason (R)</source>
        <translation>l&apos;incident {incident} est {state} : son motif ne couvre plus de nouveau visionnage ; donnez un nouveau motif (R)</translation>
    </message>
    <message>
        <location filename="../../console/dispatch/service.py" line="109"/>
        <location filename="../../console/services/evidence_locks.py" line="115"/>
        <location filename="../../console/services/footage_import.py" line="159"/>
        <source>there is no incident {incident}</source>
        <translation>il n&apos;y a pas d&apos;incident {incident}</translation>
    </message>
    <message>
        <location filename="../../console/dispatch/service.py" line="155"/>
        <source>the type is missing</source>
        <translation>la nature manque</translation>
    </message>
    <message>
        <location filename="../../console/dispatch/service.py" line="158"/>
        <location filename="../../console/dispatch/service.py" line="223"/>
        <source>priority {priority}: 1 (urgent), 2 or 3</source>
        <translation>priorité {priority} : 1 (urgent), 2 ou 3</translation>
    </message>
    <message>
        <location filename="../../console/dispatch/service.py" line="161"/>
        <source>where is it? give an address, an area or a camera</source>
        <translation>où est-ce ? donnez une adresse, une zone ou une caméra</translation>
    </message>
    <message>
        <location filename="../../console/dispatch/service.py" line="163"/>
        <source>give both latitude and longitude, or neither</source>
        <translation>donnez la latitude et la longitude, ou aucune des deux</translation>
    </message>
    <message>
        <location filename="../../console/dispatch/service.py" line="195"/>
        <source>ANPR hit {hit} is not confirmed: compare the read with the image first</source>
        <translation>le hit ANPR {hit} n&apos;est pas confirmé : comparez d&apos;abord la lecture avec l&apos;image</translation>
    </message>
    <message>
        <location filename="../../console/dispatch/service.py" line="202"/>
        <source>ANPR hit {hit} already became incident {incident}</source>
        <translation>le hit ANPR {hit} est déjà devenu l&apos;incident {incident}</translation>
    </message>
    <message>
        <location filename="../../console/dispatch/service.py" line="220"/>
        <source>these cannot be edited: {fields}</source>
        <translation>ceux-ci ne peuvent pas être modifiés : {fields}</translation>
    </message>
    <message>
        <location filename="../../console/dispatch/service.py" line="226"/>
        <source>the type cannot be empty</source>
        <translation>la nature ne peut pas être vide</translation>
    </message>
    <message>
        <location filename="../../console/dispatch/service.py" line="240"/>
        <source>incident {incident} is {state}: only its outcome and report number change</source>
        <translation>l&apos;incident {incident} est {state} : seuls le résultat et le numéro de PV changent encore</translation>
    </message>
    <message>
        <location filename="../../console/dispatch/service.py" line="263"/>
        <source>{incident} was already acknowledged</source>
        <translation>{incident} était déjà pris en charge</translation>
    </message>
    <message>
        <location filename="../../console/dispatch/service.py" line="266"/>
        <source>{incident} is {state}</source>
        <translation>{incident} est {state}</translation>
    </message>
    <message>
        <location filename="../../console/dispatch/service.py" line="280"/>
        <source>the note is empty</source>
        <translation>la note est vide</translation>
    </message>
    <message>
        <location filename="../../console/dispatch/service.py" line="282"/>
        <source>the note is longer than {limit} characters</source>
        <translation>la note dépasse {limit} caractères</translation>
    </message>
    <message>
        <location filename="../../console/dispatch/service.py" line="298"/>
        <source>incident {incident} is {state}</source>
        <translation>l&apos;incident {incident} est {state}</translation>
    </message>
    <message>
        <location filename="../../console/dispatch/service.py" line="323"/>
        <source>an incident is finished as closed or cancelled, not {state}</source>
        <translation>un incident se termine clôturé ou annulé, pas {state}</translation>
    </message>
    <message>
        <location filename="../../console/dispatch/service.py" line="327"/>
        <source>closing needs an outcome (what was found, what was done)</source>
        <translation>la clôture demande un résultat (ce qui a été constaté, ce qui a été fait)</translation>
    </message>
    <message>
        <location filename="../../console/dispatch/service.py" line="358"/>
        <source>an incident cannot be merged into itself</source>
        <translation>un incident ne peut pas être fusionné avec lui-même</translation>
    </message>
    <message>
        <location filename="../../console/dispatch/service.py" line="364"/>
        <source>incident {incident} is {state}: merge into an open incident</source>
        <translation>l&apos;incident {incident} est {state} : fusionnez avec un incident ouvert</translation>
    </message>
    <message>
        <location filename="../../console/dispatch/service.py" line="404"/>
        <location filename="../../console/dispatch/service.py" line="441"/>
        <source>there is no unit {unit}</source>
        <translation>il n&apos;y a pas d&apos;équipe {unit}</translation>
    </message>
    <message>
        <location filename="../../console/dispatch/service.py" line="407"/>
        <source>incident {incident} is {state}: nothing to send {unit} to</source>
        <translation>l&apos;incident {incident} est {state} : rien où envoyer {unit}</translation>
    </message>
    <message>
        <location filename="../../console/dispatch/service.py" line="434"/>
        <source>{unit} is dispatched to an incident from the incident (Dispatch)</source>
        <translation>{unit} est envoyée sur un incident depuis l&apos;incident (Envoyer)</translation>
    </message>
    <message>
        <location filename="../../console/dispatch/service.py" line="474"/>
        <source>every configured unit is known</source>
        <translation>chaque équipe configurée est connue</translation>
    </message>
    <message>
        <location filename="../../console/dispatch/service.py" line="569"/>
        <source>outcome &apos;{outcome}&apos;: one of {outcomes}</source>
        <translation>résultat « {outcome} » : un de {outcomes}</translation>
    </message>
    <message>
        <location filename="../../console/dispatch/service.py" line="575"/>
        <source>there is no ANPR hit {hit}</source>
        <translation>il n&apos;y a pas de hit ANPR {hit}</translation>
    </message>
    <message>
        <location filename="../../console/dispatch/service.py" line="578"/>
        <source>ANPR hit {hit} was already checked: {outcome} ({by})</source>
        <translation>le hit ANPR {hit} a déjà été vérifié : {outcome} ({by})</translation>
    </message>
    <message>
        <location filename="../../console/dispatch/service.py" line="594"/>
        <source>{plate} ({country}) on ‘{list}’: {why}. Read by {camera}, {direction}, {confidence}; list owner {owner}.</source>
        <translation>{plate} ({country}) sur « {list} » : {why}. Lu par {camera}, {direction}, {confidence} ; propriétaire de la liste : {owner}.</translation>
    </message>
    <message>
        <location filename="../../console/dispatch/service.py" line="643"/>
        <source>read before as hit {hit}, not yet checked</source>
        <translation>déjà lu comme hit {hit}, pas encore vérifié</translation>
    </message>
    <message>
        <location filename="../../console/dispatch/service.py" line="645"/>
        <source>read before as hit {hit}: confirmed by {user}, not made an incident</source>
        <translation>déjà lu comme hit {hit} : confirmé par {user}, pas encore d’incident créé</translation>
    </message>
    <message>
        <location filename="../../console/dispatch/service.py" line="648"/>
        <source>read before as hit {hit}: {outcome} by {user}, incident {incident}</source>
        <translation>déjà lu comme hit {hit} : {outcome} par {user}, incident {incident}</translation>
    </message>
    <message>
        <location filename="../../console/dispatch/service.py" line="651"/>
        <source>read before as hit {hit}: {outcome} by {user}</source>
        <translation>déjà lu comme hit {hit} : {outcome} par {user}</translation>
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
        <translation>{holder} commande cette caméra</translation>
    </message>
    <message>
        <location filename="../../console/ptz/lease.py" line="101"/>
        <source>taken over from {holder}</source>
        <translation>reprise de {holder}</translation>
    </message>
    <message>
        <location filename="../../console/ptz/lease.py" line="103"/>
        <source>renewed</source>
        <translation>prolongée</translation>
    </message>
    <message>
        <location filename="../../console/ptz/lease.py" line="104"/>
        <source>granted</source>
        <translation>accordée</translation>
    </message>
    <message>
        <location filename="../../console/ptz/lease.py" line="233"/>
        <source>released after {seconds} s without input</source>
        <translation>libérée après {seconds} s sans commande</translation>
    </message>
    <message>
        <location filename="../../console/ptz/lease.py" line="236"/>
        <location filename="../../console/services/ptz_control.py" line="183"/>
        <source>{holder} released control</source>
        <translation>{holder} a libéré la commande</translation>
    </message>
    <message>
        <location filename="../../console/ptz/lease.py" line="238"/>
        <source>{holder} took control</source>
        <translation>{holder} a pris la commande</translation>
    </message>
    <message>
        <location filename="../../console/ptz/lease.py" line="240"/>
        <source>{holder} took over from {previous}</source>
        <translation>{holder} a repris la commande de {previous}</translation>
    </message>
    <message>
        <location filename="../../console/services/accountability.py" line="32"/>
        <location filename="../../console/services/recordings.py" line="328"/>
        <location filename="../../console/services/recordings.py" line="469"/>
        <source>the desk is locked: unlock it first</source>
        <translation>le poste de travail est verrouillé : déverrouillez-le d’abord</translation>
    </message>
    <message>
        <location filename="../../console/services/accountability.py" line="275"/>
        <source>the audit log cannot be written ({error}): nothing new is shown or moved</source>
        <translation>le journal d&apos;audit ne peut pas être écrit ({error}) : rien de nouveau n&apos;est affiché ni bougé</translation>
    </message>
    <message>
        <location filename="../../console/services/accountability.py" line="296"/>
        <source>the audit log cannot be written ({error}): the action was not carried out</source>
        <translation>le journal d&apos;audit ne peut pas être écrit ({error}) : l&apos;action n&apos;a pas été effectuée</translation>
    </message>
    <message>
        <location filename="../../console/services/alerts.py" line="47"/>
        <source>newest {plate} ({country}) on ‘{list}’ at {where}</source>
        <translation>la plus récente {plate} ({country}) sur « {list} » à {where}</translation>
    </message>
    <message>
        <location filename="../../console/services/alerts.py" line="55"/>
        <source>{hit}; {before}</source>
        <translation>{hit} ; {before}</translation>
    </message>
    <message>
        <location filename="../../console/services/alerts.py" line="66"/>
        <source>{alert} ({late} over {limit} min)</source>
        <translation>{alert} ({late} au-delà de {limit} min)</translation>
    </message>
    <message>
        <location filename="../../console/services/alerts.py" line="75"/>
        <source>{plate} at {where} {ago} ago – incident {incident}</source>
        <translation>{plate} à {where}, il y a {ago} – incident {incident}</translation>
    </message>
    <message>
        <location filename="../../console/services/alerts.py" line="63"/>
        <source>{incident} {type}, {where} – waiting {waited}</source>
        <translation>{incident} {type}, {where} – attend {waited}</translation>
    </message>
    <message>
        <location filename="../../console/services/evidence.py" line="46"/>
        <source>Not done: {error}</source>
        <translation>Non effectué : {error}</translation>
    </message>
    <message>
        <location filename="../../console/services/evidence.py" line="51"/>
        <source>Snapshot: the streams of {camera} are not known yet</source>
        <translation>Capture : les flux de {camera} ne sont pas encore connus</translation>
    </message>
    <message>
        <location filename="../../console/services/evidence.py" line="56"/>
        <source>Snapshot of {camera}…</source>
        <translation>Capture de {camera}…</translation>
    </message>
    <message>
        <location filename="../../console/services/evidence.py" line="63"/>
        <source>Snapshot failed: {error}</source>
        <translation>Capture échouée : {error}</translation>
    </message>
    <message>
        <location filename="../../console/services/evidence.py" line="89"/>
        <source>Snapshot not saved: {error}</source>
        <translation>Capture non enregistrée : {error}</translation>
    </message>
    <message>
        <location filename="../../console/services/evidence.py" line="93"/>
        <source>Snapshot kept as evidence: {file}</source>
        <translation>Capture conservée comme preuve : {file}</translation>
    </message>
    <message>
        <location filename="../../console/services/ptz_control.py" line="68"/>
        <source>take control first (P)</source>
        <translation>prenez d&apos;abord la commande (P)</translation>
    </message>
    <message>
        <location filename="../../console/services/room_leases.py" line="197"/>
        <source>PTZ control cannot reach the store: {error}</source>
        <translation>la commande PTZ n&apos;atteint pas les données : {error}</translation>
    </message>
    <message>
        <location filename="../../console/audit/log.py" line="126"/>
        <source>{count} entries, chain intact</source>
        <translation>{count} entrées, chaîne intacte</translation>
    </message>
    <message>
        <location filename="../../console/audit/log.py" line="127"/>
        <source>{count} entries, chain intact; {cuts}</source>
        <translation>{count} entrées, chaîne intacte ; {cuts}</translation>
    </message>
    <message>
        <location filename="../../console/audit/log.py" line="128"/>
        <source>entry {entry}: {problem}</source>
        <translation>entrée {entry} : {problem}</translation>
    </message>
    <message>
        <location filename="../../console/audit/log.py" line="129"/>
        <source>the log&apos;s head ({file}) is missing: it may hide removals</source>
        <translation>la tête du journal ({file}) manque : elle peut cacher des suppressions</translation>
    </message>
    <message>
        <location filename="../../console/audit/log.py" line="130"/>
        <source>the log&apos;s witness ({file}) is missing beside its head: it may hide a head set back</source>
        <translation>le témoin du journal ({file}) manque à côté de sa tête : il peut cacher une tête ramenée en arrière</translation>
    </message>
    <message>
        <location filename="../../console/audit/log.py" line="132"/>
        <source>removed: the head was set back to entry {seq}, its witness saw entry {seen}</source>
        <translation>supprimé : la tête a été ramenée à l&apos;entrée {seq}, son témoin a vu l&apos;entrée {seen}</translation>
    </message>
    <message>
        <location filename="../../console/audit/log.py" line="134"/>
        <source>removed: the log ends at {count}, it had {newest} entries</source>
        <translation>supprimé : le journal s&apos;arrête à {count}, il avait {newest} entrées</translation>
    </message>
    <message>
        <location filename="../../console/audit/log.py" line="135"/>
        <source>the entry does not match the log&apos;s head or its witness (replaced)</source>
        <translation>l&apos;entrée ne correspond pas à la tête du journal ou à son témoin (remplacée)</translation>
    </message>
    <message>
        <location filename="../../console/audit/log.py" line="136"/>
        <source>removed (the next entry is {seq})</source>
        <translation>supprimé (l&apos;entrée suivante est {seq})</translation>
    </message>
    <message>
        <location filename="../../console/audit/log.py" line="137"/>
        <source>not chained to the entry before it (reordered or replaced)</source>
        <translation>pas chaînée à l&apos;entrée précédente (réordonnée ou remplacée)</translation>
    </message>
    <message>
        <location filename="../../console/audit/log.py" line="138"/>
        <source>changed after it was written</source>
        <translation>modifiée après son écriture</translation>
    </message>
    <message>
        <location filename="../../console/audit/log.py" line="139"/>
        <source>cut recorded at entry {seq} by {user} ({utc}): the log ended at entry {end}; {finding}; note: {note}</source>
        <translation>coupure consignée à l&apos;entrée {seq} par {user} ({utc}) : le journal s&apos;arrêtait à l&apos;entrée {end} ; {finding} ; note : {note}</translation>
    </message>
    <message>
        <location filename="../../console/audit/log.py" line="141"/>
        <source>heads lost</source>
        <translation>têtes perdues</translation>
    </message>
    <message>
        <location filename="../../console/audit/log.py" line="196"/>
        <source>the log&apos;s head ({file}) was not written with the log&apos;s key</source>
        <translation>la tête du journal ({file}) n&apos;a pas été écrite avec la clé du journal</translation>
    </message>
    <message>
        <location filename="../../console/audit/log.py" line="197"/>
        <source>the log&apos;s {file} is missing beside its {other}</source>
        <translation>le fichier {file} du journal manque à côté de {other}</translation>
    </message>
    <message>
        <location filename="../../console/audit/log.py" line="198"/>
        <source>the log&apos;s head ({file}) was set back to entry {seq}, its witness saw entry {seen}</source>
        <translation>la tête du journal ({file}) a été ramenée à l&apos;entrée {seq}, son témoin a vu l&apos;entrée {seen}</translation>
    </message>
    <message>
        <location filename="../../console/audit/log.py" line="201"/>
        <source>the log&apos;s {file} cannot be read: {why}</source>
        <translation>le fichier {file} du journal ne peut pas être lu : {why}</translation>
    </message>
    <message>
        <location filename="../../console/audit/log.py" line="202"/>
        <source>line {line} of the log&apos;s {file} was not written with the log&apos;s key (forged or damaged)</source>
        <translation>la ligne {line} de {file} n&apos;a pas été écrite avec la clé du journal (falsifiée ou abîmée)</translation>
    </message>
    <message>
        <location filename="../../console/audit/log.py" line="354"/>
        <source>{finding} (audit verify says more; audit resume records the cut and goes on)</source>
        <translation>{finding} (audit verify en dit plus ; audit resume consigne la coupure et reprend)</translation>
    </message>
    <message>
        <location filename="../../console/audit/log.py" line="382"/>
        <source>the chain itself is broken ({verdict}): only a cut at the end is resumed</source>
        <translation>la chaîne elle-même est rompue ({verdict}) : seule une coupure à la fin peut être reprise</translation>
    </message>
    <message>
        <location filename="../../console/audit/log.py" line="422"/>
        <source>entries were removed: the log ends at entry {end}, this desk wrote or saw entry {seen}</source>
        <translation>des entrées ont été supprimées : le journal s&apos;arrête à l&apos;entrée {end}, ce poste a écrit ou vu l&apos;entrée {seen}</translation>
    </message>
    <message>
        <location filename="../../console/audit/log.py" line="426"/>
        <source>entry {seq} is not the one this desk wrote or saw: entries were replaced</source>
        <translation>l&apos;entrée {seq} n&apos;est pas celle que ce poste a écrite ou vue : des entrées ont été remplacées</translation>
    </message>
    <message>
        <location filename="../../console/audit/log.py" line="435"/>
        <source>entry {next} does not chain onto entry {seq}: entries were removed or replaced</source>
        <translation>l&apos;entrée {next} ne s&apos;enchaîne pas à l&apos;entrée {seq} : des entrées ont été supprimées ou remplacées</translation>
    </message>
    <message>
        <location filename="../../console/audit/log.py" line="281"/>
        <location filename="../../console/audit/log.py" line="440"/>
        <source>entry {seq} was not written with the log&apos;s key (forged or changed)</source>
        <translation>l&apos;entrée {seq} n&apos;a pas été écrite avec la clé du journal (falsifiée ou modifiée)</translation>
    </message>
    <message>
        <location filename="../../console/dispatch/timeline.py" line="74"/>
        <source>{unit} arrived</source>
        <translation>{unit} arrivée</translation>
    </message>
    <message>
        <location filename="../../console/dispatch/timeline.py" line="75"/>
        <source>every unit stood down</source>
        <translation>toutes les équipes rappelées</translation>
    </message>
    <message>
        <location filename="../../console/dispatch/timeline.py" line="76"/>
        <source>into {incident}</source>
        <translation>dans {incident}</translation>
    </message>
    <message>
        <location filename="../../console/dispatch/timeline.py" line="77"/>
        <source>units merged in</source>
        <translation>équipes reprises par la fusion</translation>
    </message>
    <message>
        <location filename="../../console/dispatch/timeline.py" line="78"/>
        <source>a unit is on scene</source>
        <translation>une équipe est sur place</translation>
    </message>
    <message>
        <location filename="../../console/dispatch/timeline.py" line="102"/>
        <source>from {source}: {type}, priority {priority}</source>
        <translation>par {source} : {type}, priorité {priority}</translation>
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
        <translation>{unit} libérée (disponible)</translation>
    </message>
    <message>
        <location filename="../../console/dispatch/timeline.py" line="124"/>
        <source>{unit} {state}</source>
        <translation>{unit} {state}</translation>
    </message>
    <message>
        <location filename="../../console/dispatch/timeline.py" line="133"/>
        <source>{field}: {old} → {new}</source>
        <translation>{field} : {old} → {new}</translation>
    </message>
    <message>
        <location filename="../../console/dispatch/timeline.py" line="139"/>
        <source>{incident} merged into this incident; units {units} moved here</source>
        <translation>{incident} fusionné avec cet incident ; équipes {units} transférées ici</translation>
    </message>
    <message>
        <location filename="../../console/dispatch/timeline.py" line="141"/>
        <source>{incident} merged into this incident</source>
        <translation>{incident} fusionné avec cet incident</translation>
    </message>
    <message>
        <location filename="../../console/dispatch/timeline.py" line="145"/>
        <source>{plate} read again by {camera} ({direction}, {confidence})</source>
        <translation>{plate} relu par {camera} ({direction}, {confidence})</translation>
    </message>
    <message>
        <location filename="../../console/dispatch/timeline.py" line="153"/>
        <source>{unit} dispatched</source>
        <translation>{unit} envoyée</translation>
    </message>
    <message>
        <location filename="../../console/dispatch/timeline.py" line="156"/>
        <source>camera {camera} linked</source>
        <translation>caméra {camera} liée</translation>
    </message>
    <message>
        <location filename="../../console/dispatch/timeline.py" line="158"/>
        <source>snapshot of {camera}: {file} (SHA-256 {sha256}…)</source>
        <translation>capture de {camera} : {file} (SHA-256 {sha256}…)</translation>
    </message>
    <message>
        <location filename="../../console/dispatch/timeline.py" line="171"/>
        <source>priority 1 acknowledged by {user}</source>
        <translation>priorité 1 prise en charge par {user}</translation>
    </message>
    <message>
        <location filename="../../console/services/recordings.py" line="99"/>
        <source>administrative police may consult recordings during at most {law} days (the law); {days} configured</source>
        <translation>la police administrative peut consulter les enregistrements pendant {law} jours au plus (la loi) ; configuré : {days}</translation>
    </message>
    <message>
        <location filename="../../console/services/recordings.py" line="248"/>
        <source>the recipient</source>
        <translation>le destinataire</translation>
    </message>
    <message>
        <location filename="../../console/services/recordings.py" line="256"/>
        <source>nothing of {camera} between {start} and {to} can be read</source>
        <translation>rien de {camera} entre {start} et {to} ne peut être lu</translation>
    </message>
    <message>
        <location filename="../../console/services/recordings.py" line="257"/>
        <source>nothing of {camera} is recorded between {start} and {to}</source>
        <translation>rien de {camera} n&apos;est enregistré entre {start} et {to}</translation>
    </message>
    <message>
        <location filename="../../console/services/recordings.py" line="286"/>
        <source>{folder} is not an empty folder: an export goes into a new or empty one</source>
        <translation>{folder} n&apos;est pas un dossier vide : un export va dans un dossier nouveau ou vide</translation>
    </message>
    <message>
        <location filename="../../console/services/recordings.py" line="294"/>
        <source>the folder {folder} cannot be written: {error}</source>
        <translation>le dossier {folder} ne peut pas être écrit : {error}</translation>
    </message>
    <message>
        <location filename="../../console/services/recordings.py" line="79"/>
        <source>administrative police may consult recordings only during their first {limit} days; this footage is {days} days old: it needs a judicial reason with the reference of the prosecutor&apos;s or investigating judge&apos;s decision</source>
        <translation>la police administrative ne peut consulter les enregistrements que pendant leurs {limit} premiers jours ; ces images datent de {days} jours : il faut un motif de police judiciaire avec la référence de la décision du procureur ou du juge d&apos;instruction</translation>
    </message>
    <message>
        <location filename="../../console/services/recordings.py" line="86"/>
        <source>there is no camera or device &apos;{camera}&apos; (did you mean {suggestion}?)</source>
        <translation>il n&apos;y a pas de caméra ni d&apos;appareil « {camera} » (vouliez-vous dire {suggestion} ?)</translation>
    </message>
    <message>
        <location filename="../../console/services/recordings.py" line="342"/>
        <source>footage older than {limit} days is consulted only with the reference of the prosecutor&apos;s or investigating judge&apos;s decision; this footage is {days} days old</source>
        <translation>les images de plus de {limit} jours ne se consultent qu&apos;avec la référence de la décision du procureur ou du juge d&apos;instruction ; ces images datent de {days} jours</translation>
    </message>
    <message>
        <location filename="../../console/services/recordings.py" line="363"/>
        <source>name at least one camera</source>
        <translation>indiquez au moins une caméra</translation>
    </message>
    <message>
        <location filename="../../console/services/recordings.py" line="372"/>
        <source>there is no camera or device &apos;{camera}&apos;</source>
        <translation>il n&apos;y a pas de caméra ni d&apos;appareil « {camera} »</translation>
    </message>
    <message>
        <location filename="../../console/services/recordings.py" line="423"/>
        <source>the recipient is {length} characters long; at most {limit}</source>
        <translation>le destinataire compte {length} caractères ; au maximum {limit}</translation>
    </message>
    <message>
        <location filename="../../console/services/evidence_locks.py" line="51"/>
        <source>a reason</source>
        <translation>un motif</translation>
    </message>
    <message>
        <location filename="../../console/services/evidence_locks.py" line="52"/>
        <source>the judicial file&apos;s reference</source>
        <translation>la référence du dossier judiciaire</translation>
    </message>
    <message>
        <location filename="../../console/services/evidence_locks.py" line="59"/>
        <source>an evidence lock needs {what}</source>
        <translation>un verrou de preuve demande {what}</translation>
    </message>
    <message>
        <location filename="../../console/services/evidence_locks.py" line="72"/>
        <source>an evidence lock names at least one camera</source>
        <translation>un verrou de preuve nomme au moins une caméra</translation>
    </message>
    <message>
        <location filename="../../console/services/evidence_locks.py" line="74"/>
        <source>an evidence lock names at most {count} cameras</source>
        <translation>un verrou de preuve nomme au plus {count} caméras</translation>
    </message>
    <message>
        <location filename="../../console/services/evidence_locks.py" line="77"/>
        <source>an evidence lock serves one incident or one judicial file (--incident or --file), not both and not neither</source>
        <translation>un verrou de preuve sert un incident ou un dossier judiciaire (--incident ou --file), pas les deux ni aucun</translation>
    </message>
    <message>
        <location filename="../../console/services/evidence_locks.py" line="83"/>
        <location filename="../../console/services/footage_import.py" line="98"/>
        <source>&apos;{incident}&apos; is not an incident number (like 2026-0042)</source>
        <translation>« {incident} » n&apos;est pas un numéro d&apos;incident (comme 2026-0042)</translation>
    </message>
    <message>
        <location filename="../../console/services/evidence_locks.py" line="111"/>
        <source>there is no camera or imported device &apos;{camera}&apos;{hint}</source>
        <translation>il n&apos;y a pas de caméra ni d&apos;appareil importé « {camera} »{hint}</translation>
    </message>
    <message>
        <location filename="../../console/services/evidence_locks.py" line="134"/>
        <source>only the team chief or the data-protection officer releases an evidence lock (you are signed in as {role})</source>
        <translation>seul le chef d&apos;équipe ou le délégué à la protection des données lève un verrou de preuve (vous êtes connecté comme {role})</translation>
    </message>
    <message>
        <location filename="../../console/services/evidence_locks.py" line="138"/>
        <location filename="../../console/services/evidence_locks.py" line="146"/>
        <source>there is no evidence lock {lock}</source>
        <translation>il n&apos;y a pas de verrou de preuve {lock}</translation>
    </message>
    <message>
        <location filename="../../console/services/evidence_locks.py" line="148"/>
        <source>evidence lock {lock} was released already ({when}, by {user})</source>
        <translation>le verrou de preuve {lock} a déjà été levé ({when}, par {user})</translation>
    </message>
    <message>
        <location filename="../../console/services/recording_time.py" line="27"/>
        <source>{what}: &apos;{text}&apos; is not a time; write it as ISO 8601 in UTC, e.g. 2026-12-05T10:00:00Z</source>
        <translation>{what} : « {text} » n&apos;est pas une heure ; écrivez-la en ISO 8601 en UTC, p. ex. 2026-12-05T10:00:00Z</translation>
    </message>
    <message>
        <location filename="../../console/services/recording_time.py" line="30"/>
        <source>{what}: &apos;{text}&apos; is not in UTC; end it with Z, e.g. 2026-12-05T10:00:00Z</source>
        <translation>{what} : « {text} » n&apos;est pas en UTC ; terminez par Z, p. ex. 2026-12-05T10:00:00Z</translation>
    </message>
    <message>
        <location filename="../../console/services/recording_time.py" line="54"/>
        <source>the span ends ({end}) before it starts ({start})</source>
        <translation>la période se termine ({end}) avant de commencer ({start})</translation>
    </message>
    <message>
        <location filename="../../console/services/recording_time.py" line="57"/>
        <source>the span starts in the future ({start}; it is now {now})</source>
        <translation>la période commence dans le futur ({start} ; il est {now})</translation>
    </message>
    <message>
        <location filename="../../console/services/recording_time.py" line="60"/>
        <source>the span ends in the future ({end}; it is now {now})</source>
        <translation>la période se termine dans le futur ({end} ; il est {now})</translation>
    </message>
    <message>
        <location filename="../../console/services/retention.py" line="263"/>
        <source>the evidence folder {folder} cannot be read: {error}</source>
        <translation>le dossier des preuves {folder} ne peut pas être lu : {error}</translation>
    </message>
    <message>
        <location filename="../../console/services/retention.py" line="354"/>
        <source>{camera}: {file} was missing already; its record is removed</source>
        <translation>{camera} : {file} manquait déjà ; son enregistrement dans l&apos;index est supprimé</translation>
    </message>
    <message>
        <location filename="../../console/services/retention.py" line="359"/>
        <source>{camera}: {file} could not be deleted ({error}); it is tried again at the next sweep</source>
        <translation>{camera} : {file} n&apos;a pas pu être effacé ({error}) ; nouvel essai au prochain nettoyage</translation>
    </message>
    <message>
        <location filename="../../console/services/footage_import.py" line="82"/>
        <source>the source is one of bodycam, drone, other (not &apos;{source}&apos;)</source>
        <translation>la source est bodycam, drone ou other (pas « {source} »)</translation>
    </message>
    <message>
        <location filename="../../console/services/footage_import.py" line="85"/>
        <source>a device id is 1 to 64 lower-case letters, digits and &apos;-&apos;, like a camera&apos;s (not &apos;{device}&apos;)</source>
        <translation>l&apos;identifiant d&apos;un appareil compte 1 à 64 minuscules, chiffres et « - », comme celui d&apos;une caméra (pas « {device} »)</translation>
    </message>
    <message>
        <location filename="../../console/services/footage_import.py" line="89"/>
        <location filename="../../console/services/footage_import.py" line="166"/>
        <source>&apos;{device}&apos; is a camera&apos;s id: an imported device needs an id of its own (e.g. bodycam-{device})</source>
        <translation>« {device} » est l&apos;identifiant d&apos;une caméra : un appareil importé a son propre identifiant (p. ex. bodycam-{device})</translation>
    </message>
    <message>
        <location filename="../../console/services/footage_import.py" line="92"/>
        <source>the footage starts in the future ({start}; it is now {now})</source>
        <translation>les images commencent dans le futur ({start} ; il est {now})</translation>
    </message>
    <message>
        <location filename="../../console/services/footage_import.py" line="95"/>
        <source>the footage is older than the law&apos;s 12 months ({start}): it may no longer be kept</source>
        <translation>les images dépassent les 12 mois de la loi ({start}) : elles ne peuvent plus être conservées</translation>
    </message>
    <message>
        <location filename="../../console/services/footage_import.py" line="110"/>
        <source>{file} is refused: {problem}</source>
        <translation>{file} refusé : {problem}</translation>
    </message>
    <message>
        <location filename="../../console/services/footage_import.py" line="115"/>
        <location filename="../../console/services/footage_import.py" line="140"/>
        <source>{file} is refused: it {problem}</source>
        <translation>{file} refusé : le fichier {problem}</translation>
    </message>
    <message>
        <location filename="../../console/services/footage_import.py" line="119"/>
        <source>the footage would end in the future ({end}; it is now {now}): is its start right?</source>
        <translation>les images se termineraient dans le futur ({end} ; il est {now}) : le début est-il correct ?</translation>
    </message>
    <message>
        <location filename="../../console/services/footage_import.py" line="170"/>
        <source>device &apos;{device}&apos; was imported as a {source} before: give this {new} an id of its own</source>
        <translation>l&apos;appareil « {device} » a déjà été importé comme {source} : donnez à ce {new} son propre identifiant</translation>
    </message>
    <message>
        <location filename="../../console/services/footage_import.py" line="175"/>
        <source>device &apos;{device}&apos; already has footage from {start} to {end}: this file overlaps it (imported already?)</source>
        <translation>l&apos;appareil « {device} » a déjà des images de {start} à {end} : ce fichier les chevauche (déjà importé ?)</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_window.py" line="577"/>
        <source>choose the reason for playing back (its kind and category), then &apos;Play under this reason&apos;</source>
        <translation>choisissez le motif pour revoir (type et catégorie), puis « Revoir avec ce motif »</translation>
    </message>
    <message>
        <location filename="../../console/alarms/model.py" line="100"/>
        <location filename="../../console/alarms/model.py" line="107"/>
        <source>This alarm is already closed.</source>
        <translation>Cette alarme est déjà clôturée.</translation>
    </message>
    <message>
        <location filename="../../console/alarms/model.py" line="102"/>
        <location filename="../../console/services/alarm_queue.py" line="166"/>
        <source>{user} has already taken this alarm.</source>
        <translation>{user} a déjà pris cette alarme.</translation>
    </message>
    <message>
        <location filename="../../console/alarms/model.py" line="109"/>
        <source>Name the incident this alarm belongs to.</source>
        <translation>Indiquez l’incident auquel cette alarme appartient.</translation>
    </message>
    <message>
        <location filename="../../console/services/alarm_queue.py" line="58"/>
        <source>Alarm {alarm} does not exist.</source>
        <translation>L’alarme {alarm} n’existe pas.</translation>
    </message>
    <message>
        <location filename="../../console/services/alarm_queue.py" line="149"/>
        <location filename="../../console/services/alarm_queue.py" line="202"/>
        <source>Someone changed this alarm meanwhile: look again.</source>
        <translation>Quelqu’un a modifié cette alarme entre-temps : regardez à nouveau.</translation>
    </message>
    <message>
        <location filename="../../console/services/alarm_queue.py" line="164"/>
        <source>Only an alarm in progress can be handed back.</source>
        <translation>Seule une alarme en cours peut être rendue.</translation>
    </message>
    <message>
        <location filename="../../console/services/alarm_queue.py" line="219"/>
        <source>This alarm was taken or escalated meanwhile.</source>
        <translation>Cette alarme a été prise ou transmise entre-temps.</translation>
    </message>
    <message>
        <location filename="../../console/services/alarm_desk.py" line="32"/>
        <source>motion</source>
        <translation>mouvement</translation>
    </message>
    <message>
        <location filename="../../console/services/alarm_desk.py" line="33"/>
        <source>tamper</source>
        <translation>sabotage</translation>
    </message>
    <message>
        <location filename="../../console/services/alarm_desk.py" line="34"/>
        <source>video loss</source>
        <translation>perte d&apos;image</translation>
    </message>
    <message>
        <location filename="../../console/services/alarm_desk.py" line="35"/>
        <source>frozen picture</source>
        <translation>image figée</translation>
    </message>
    <message>
        <location filename="../../console/services/alarm_desk.py" line="36"/>
        <source>Mobbox door open</source>
        <translation>porte de la Mobbox ouverte</translation>
    </message>
    <message>
        <location filename="../../console/services/alarm_desk.py" line="37"/>
        <source>Mobbox battery low</source>
        <translation>batterie de la Mobbox faible</translation>
    </message>
    <message>
        <location filename="../../console/services/alarm_desk.py" line="38"/>
        <source>Mobbox uplink lost</source>
        <translation>liaison de la Mobbox perdue</translation>
    </message>
    <message>
        <location filename="../../console/services/alarm_desk.py" line="39"/>
        <source>digital input</source>
        <translation>entrée numérique</translation>
    </message>
    <message>
        <location filename="../../console/services/alarm_desk.py" line="42"/>
        <source>tamper: lens covered</source>
        <translation>sabotage : objectif masqué</translation>
    </message>
    <message>
        <location filename="../../console/services/alarm_desk.py" line="43"/>
        <source>tamper: picture moved</source>
        <translation>sabotage : image déplacée</translation>
    </message>
    <message>
        <location filename="../../console/services/alarm_desk.py" line="44"/>
        <source>tamper: out of focus</source>
        <translation>sabotage : image floue</translation>
    </message>
    <message>
        <location filename="../../console/services/alarm_desk.py" line="47"/>
        <source>false alarm</source>
        <translation>fausse alarme</translation>
    </message>
    <message>
        <location filename="../../console/services/alarm_desk.py" line="48"/>
        <source>seen nothing</source>
        <translation>rien vu</translation>
    </message>
    <message>
        <location filename="../../console/services/alarm_desk.py" line="49"/>
        <source>incident made</source>
        <translation>incident créé</translation>
    </message>
    <message>
        <location filename="../../console/services/alarm_desk.py" line="50"/>
        <source>added to incident</source>
        <translation>ajoutée à un incident</translation>
    </message>
    <message>
        <location filename="../../console/services/alarm_desk.py" line="51"/>
        <source>technical fault</source>
        <translation>panne technique</translation>
    </message>
    <message>
        <location filename="../../console/services/alarm_desk.py" line="52"/>
        <source>handled</source>
        <translation>traitée</translation>
    </message>
    <message>
        <location filename="../../console/services/alarm_desk.py" line="55"/>
        <source>new</source>
        <translation>nouvelle</translation>
    </message>
    <message>
        <location filename="../../console/services/alarm_desk.py" line="56"/>
        <source>in progress</source>
        <translation>en cours</translation>
    </message>
    <message>
        <location filename="../../console/services/alarm_desk.py" line="57"/>
        <source>closed</source>
        <translation>clôturée</translation>
    </message>
    <message>
        <location filename="../../console/services/alarm_desk.py" line="66"/>
        <source>motion in zone {zone}</source>
        <translation>mouvement dans la zone {zone}</translation>
    </message>
    <message>
        <location filename="../../console/services/alarm_desk.py" line="70"/>
        <source>Mobbox battery low ({percent}%)</source>
        <translation>batterie de la Mobbox faible ({percent} %)</translation>
    </message>
    <message>
        <location filename="../../console/services/alarm_desk.py" line="73"/>
        <source>video loss (its relay was down)</source>
        <translation>perte d&apos;image (son relais était hors service)</translation>
    </message>
    <message>
        <location filename="../../console/services/alarm_desk.py" line="75"/>
        <source>digital input {input}</source>
        <translation>entrée numérique {input}</translation>
    </message>
    <message>
        <location filename="../../console/services/alarm_desk.py" line="86"/>
        <source>taken by {name}</source>
        <translation>prise par {name}</translation>
    </message>
    <message>
        <location filename="../../console/services/alarm_desk.py" line="88"/>
        <source>closed: {outcome}</source>
        <translation>clôturée : {outcome}</translation>
    </message>
    <message>
        <location filename="../../console/services/alarm_desk.py" line="155"/>
        <source>{alarm}: {what} on {camera}</source>
        <translation>{alarm} : {what} sur {camera}</translation>
    </message>
    <message>
        <location filename="../../console/services/alarm_desk.py" line="158"/>
        <source>No picture was available.</source>
        <translation>Aucune image n&apos;était disponible.</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms.py" line="384"/>
        <source>newest {alarm}: {what} on {camera}, waiting {waited}</source>
        <translation>la plus récente {alarm} : {what} sur {camera}, attend {waited}</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarms.py" line="393"/>
        <source>{alarm}: {what} on {camera}, not taken for {waited}</source>
        <translation>{alarm} : {what} sur {camera}, non prise depuis {waited}</translation>
    </message>
    <message>
        <location filename="../../console/services/room_faults.py" line="61"/>
        <source>relay {name} ({address}) silent since {time}</source>
        <translation>le relais {name} ({address}) ne donne plus signe de vie depuis {time}</translation>
    </message>
    <message>
        <location filename="../../console/services/room_faults.py" line="64"/>
        <source>relay {name} ({address}) has not reported</source>
        <translation>le relais {name} ({address}) ne s&apos;est pas signalé</translation>
    </message>
    <message>
        <location filename="../../console/services/room_faults.py" line="67"/>
        <source>{first}; also down: {others}</source>
        <translation>{first} ; aussi en panne : {others}</translation>
    </message>
    <message>
        <location filename="../../console/services/room_faults.py" line="70"/>
        <source>no relay serves the cameras: each desk pulls them itself or waits</source>
        <translation>aucun relais ne sert les caméras : chaque poste les reçoit lui-même ou attend</translation>
    </message>
    <message>
        <location filename="../../console/services/room_faults.py" line="71"/>
        <source>No relay</source>
        <translation>Aucun relais</translation>
    </message>
    <message>
        <location filename="../../console/services/room_faults.py" line="73"/>
        <source>the room runs on one relay, without a spare: call IT</source>
        <translation>la salle tourne sur un seul relais, sans réserve : appelez le service informatique</translation>
    </message>
    <message>
        <location filename="../../console/services/room_faults.py" line="74"/>
        <source>{name} down, no spare</source>
        <translation>{name} HS, sans réserve</translation>
    </message>
    <message>
        <location filename="../../console/services/room_faults.py" line="75"/>
        <source>Relay down, no spare</source>
        <translation>Relais HS, sans réserve</translation>
    </message>
    <message>
        <location filename="../../console/services/room_faults.py" line="77"/>
        <source>the room runs on {live} of {total} relays: call IT</source>
        <translation>la salle tourne sur {live} des {total} relais : appelez le service informatique</translation>
    </message>
    <message>
        <location filename="../../console/services/room_faults.py" line="79"/>
        <source>Relay {name} down</source>
        <translation>Relais {name} en panne</translation>
    </message>
    <message>
        <location filename="../../console/services/room_faults.py" line="80"/>
        <source>{count} relays down</source>
        <translation>{count} relais en panne</translation>
    </message>
    <message>
        <location filename="../../console/services/room_faults.py" line="81"/>
        <source>{relay} – {room}</source>
        <translation>{relay} – {room}</translation>
    </message>
    <message>
        <location filename="../../console/onvif/client.py" line="56"/>
        <source>the camera&apos;s answer is larger than {megabytes} MB</source>
        <translation>la réponse de la caméra dépasse {megabytes} Mo</translation>
    </message>
    <message>
        <location filename="../../console/onvif/client.py" line="57"/>
        <source>no answer from {host} within {seconds} s</source>
        <translation>pas de réponse de {host} en {seconds} s</translation>
    </message>
    <message>
        <location filename="../../console/onvif/client.py" line="58"/>
        <source>the camera answered with an error that is not an ONVIF fault</source>
        <translation>la caméra a répondu par une erreur qui n&apos;est pas une erreur ONVIF</translation>
    </message>
    <message>
        <location filename="../../console/onvif/client.py" line="59"/>
        <source>not authorised: {message}</source>
        <translation>accès refusé : {message}</translation>
    </message>
    <message>
        <location filename="../../console/onvif/client.py" line="60"/>
        <source>not supported by the camera: {message}</source>
        <translation>non pris en charge par la caméra : {message}</translation>
    </message>
    <message>
        <location filename="../../console/onvif/client.py" line="61"/>
        <source>the camera refused: {message}</source>
        <translation>la caméra a refusé : {message}</translation>
    </message>
    <message>
        <location filename="../../console/onvif/client.py" line="62"/>
        <source>not authorised: the camera refused the user name or password</source>
        <translation>accès refusé : la caméra a refusé le nom d&apos;utilisateur ou le mot de passe</translation>
    </message>
    <message>
        <location filename="../../console/onvif/client.py" line="63"/>
        <source>the camera&apos;s answer is not valid ONVIF (not XML)</source>
        <translation>la réponse de la caméra n&apos;est pas de l&apos;ONVIF valide (pas du XML)</translation>
    </message>
    <message>
        <location filename="../../console/onvif/client.py" line="64"/>
        <source>the camera answered HTTP {status}</source>
        <translation>la caméra a répondu HTTP {status}</translation>
    </message>
    <message>
        <location filename="../../console/onvif/client.py" line="65"/>
        <source>cannot reach {host}: connection refused</source>
        <translation>{host} injoignable : connexion refusée</translation>
    </message>
    <message>
        <location filename="../../console/onvif/client.py" line="66"/>
        <source>cannot reach {host}: no route to it</source>
        <translation>{host} injoignable : aucune route</translation>
    </message>
    <message>
        <location filename="../../console/onvif/client.py" line="67"/>
        <source>cannot reach {host}: its name is not known</source>
        <translation>{host} injoignable : nom inconnu</translation>
    </message>
    <message>
        <location filename="../../console/onvif/client.py" line="68"/>
        <source>cannot reach {host}: {why}</source>
        <translation>{host} injoignable : {why}</translation>
    </message>
    <message>
        <location filename="../../console/onvif/client.py" line="69"/>
        <source>the camera&apos;s answer is not valid ONVIF: {detail}</source>
        <translation>la réponse de la caméra n&apos;est pas de l&apos;ONVIF valide : {detail}</translation>
    </message>
    <message>
        <location filename="../../console/onvif/client.py" line="70"/>
        <source>the camera&apos;s answer is not valid ONVIF ({kind})</source>
        <translation>la réponse de la caméra n&apos;est pas de l&apos;ONVIF valide ({kind})</translation>
    </message>
    <message>
        <location filename="../../console/onvif/host.py" line="30"/>
        <source>the command failed ({kind})</source>
        <translation>la commande a échoué ({kind})</translation>
    </message>
    <message>
        <location filename="../../console/onvif/host.py" line="31"/>
        <source>the camera&apos;s answer is too large</source>
        <translation>la réponse de la caméra est trop grande</translation>
    </message>
    <message>
        <location filename="../../console/onvif/models.py" line="107"/>
        <source>ONVIF: {error}</source>
        <translation>ONVIF : {error}</translation>
    </message>
    <message>
        <location filename="../../console/onvif/models.py" line="108"/>
        <source>ONVIF has not answered yet</source>
        <translation>ONVIF n&apos;a pas encore répondu</translation>
    </message>
    <message>
        <location filename="../../console/onvif/process.py" line="41"/>
        <source>the ONVIF process stopped; starting it again</source>
        <translation>le processus ONVIF s&apos;est arrêté ; il redémarre</translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <location filename="../../console/ui/main_window.py" line="127"/>
        <source>Uitkijk – keyboard and mouse</source>
        <translation>Uitkijk – clavier et souris</translation>
    </message>
</context>
<context>
    <name>HitListModel</name>
    <message>
        <location filename="../../console/ui/dispatch/models.py" line="340"/>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/models.py" line="341"/>
        <source>Plate</source>
        <translation>Plaque</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/models.py" line="342"/>
        <source>List</source>
        <translation>Liste</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/models.py" line="343"/>
        <source>Camera</source>
        <translation>Caméra</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/models.py" line="344"/>
        <source>Confidence</source>
        <translation>Fiabilité</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/models.py" line="345"/>
        <source>Check</source>
        <translation>Vérification</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/models.py" line="371"/>
        <source>{check} · before: {outcome}</source>
        <translation>{check} · avant : {outcome}</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/models.py" line="366"/>
        <location filename="../../console/ui/dispatch/models.py" line="372"/>
        <source>to check</source>
        <translation>à vérifier</translation>
    </message>
</context>
<context>
    <name>HitView</name>
    <message>
        <location filename="../../console/ui/dispatch/forms.py" line="565"/>
        <location filename="../../console/ui/dispatch/forms.py" line="616"/>
        <source>Select a hit to compare the read with the images.</source>
        <translation>Choisissez un hit pour comparer la lecture avec les images.</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/forms.py" line="571"/>
        <source>plate crop</source>
        <translation>extrait de plaque</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/forms.py" line="572"/>
        <source>overview</source>
        <translation>vue d&apos;ensemble</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/forms.py" line="580"/>
        <source>Confirmed</source>
        <translation>Confirmé</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/forms.py" line="582"/>
        <source>Misread</source>
        <translation>Mal lu</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/forms.py" line="583"/>
        <source>Wrong list entry</source>
        <translation>Mauvaise entrée de liste</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/forms.py" line="588"/>
        <source>Make incident</source>
        <translation>Créer un incident</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/forms.py" line="590"/>
        <source>Camera on the wall</source>
        <translation>Caméra sur le mur</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/forms.py" line="600"/>
        <source>already checked: {outcome}</source>
        <translation>déjà vérifié : {outcome}</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/forms.py" line="602"/>
        <source>select a hit first</source>
        <translation>choisissez d&apos;abord un hit</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/forms.py" line="604"/>
        <source>Record the check of this read</source>
        <translation>Enregistrer la vérification de cette lecture</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/forms.py" line="608"/>
        <source>it already became incident {incident}</source>
        <translation>est déjà devenu l&apos;incident {incident}</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/forms.py" line="610"/>
        <source>confirm the read against the image first</source>
        <translation>confirmez d&apos;abord la lecture d&apos;après l&apos;image</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/forms.py" line="613"/>
        <source>An incident from this confirmed hit</source>
        <translation>Un incident à partir de ce hit confirmé</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/forms.py" line="614"/>
        <source>The hit&apos;s camera on the wall</source>
        <translation>La caméra du hit sur le mur</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/forms.py" line="622"/>
        <source>compare the read with the image, then record the check</source>
        <translation>comparez la lecture avec l’image, puis enregistrez la vérification</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/forms.py" line="625"/>
        <source>checked: &lt;b&gt;{outcome}&lt;/b&gt; by {user}</source>
        <translation>vérifié : &lt;b&gt;{outcome}&lt;/b&gt; par {user}</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/forms.py" line="626"/>
        <source>, incident {incident}</source>
        <translation>, incident {incident}</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/forms.py" line="629"/>
        <source>inbound</source>
        <translation>entrant</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/forms.py" line="630"/>
        <source>outbound</source>
        <translation>sortant</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/forms.py" line="631"/>
        <source>direction unknown</source>
        <translation>sens inconnu</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/forms.py" line="637"/>
        <source>&lt;span style=&apos;font-size:15pt&apos;&gt;&lt;b&gt;{read}&lt;/b&gt;&lt;/span&gt; ({country}) read at {confidence} · list plate &lt;b&gt;{plate}&lt;/b&gt;</source>
        <translation>&lt;span style=&apos;font-size:15pt&apos;&gt;&lt;b&gt;{read}&lt;/b&gt;&lt;/span&gt; ({country}) lue à {confidence} · plaque de la liste &lt;b&gt;{plate}&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/forms.py" line="641"/>
        <source>List &lt;b&gt;{list}&lt;/b&gt;: {why}&lt;br&gt;owner {owner}, entry until {until}</source>
        <translation>Liste &lt;b&gt;{list}&lt;/b&gt; : {why}&lt;br&gt;propriétaire {owner}, entrée valable jusqu’au {until}</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/forms.py" line="650"/>
        <source>no plate crop sent</source>
        <translation>aucun extrait de plaque reçu</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/forms.py" line="651"/>
        <source>no overview image sent</source>
        <translation>aucune image d&apos;ensemble reçue</translation>
    </message>
</context>
<context>
    <name>IncidentForm</name>
    <message>
        <location filename="../../console/ui/dispatch/forms.py" line="268"/>
        <source>1 – urgent</source>
        <translation>1 – urgent</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/forms.py" line="268"/>
        <source>2 – normal</source>
        <translation>2 – normal</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/forms.py" line="268"/>
        <source>3 – low</source>
        <translation>3 – faible</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/forms.py" line="281"/>
        <source>Type</source>
        <translation>Nature</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/forms.py" line="283"/>
        <source>street and number, or a place</source>
        <translation>rue et numéro, ou un lieu</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/forms.py" line="296"/>
        <source>Where</source>
        <translation>Où</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/forms.py" line="298"/>
        <source>name and call-back number</source>
        <translation>nom et numéro de rappel</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/forms.py" line="299"/>
        <source>Caller</source>
        <translation>Appelant</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/forms.py" line="301"/>
        <source>what is happening, who, which way they went</source>
        <translation>ce qui se passe, qui, dans quelle direction</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/forms.py" line="304"/>
        <source>What</source>
        <translation>Quoi</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/forms.py" line="306"/>
        <source>PV / report number</source>
        <translation>numéro de PV</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/forms.py" line="308"/>
        <source>outcome (needed to close)</source>
        <translation>résultat (requis pour clôturer)</translation>
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
        <translation>Créer l&apos;incident</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/forms.py" line="230"/>
        <source>New (Ctrl+I)</source>
        <translation>Nouveau (Ctrl+I)</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/forms.py" line="231"/>
        <source>The form for a new incident (what you typed for another one stays with it)</source>
        <translation>Le formulaire d&apos;un nouvel incident (ce que vous avez saisi pour un autre y reste)</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/forms.py" line="233"/>
        <source>Dispatch</source>
        <translation>Envoyer</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/forms.py" line="235"/>
        <source>Video follows (V)</source>
        <translation>L&apos;image suit (V)</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/forms.py" line="236"/>
        <source>Link selected tile</source>
        <translation>Lier la vignette</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/forms.py" line="237"/>
        <source>Recordings</source>
        <translation>Enregistrements</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/forms.py" line="238"/>
        <source>Close</source>
        <translation>Clôturer</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/forms.py" line="239"/>
        <source>Cancel incident</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/forms.py" line="241"/>
        <source>Merge into</source>
        <translation>Fusionner avec</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/forms.py" line="320"/>
        <source>Discard changes</source>
        <translation>Abandonner les modifications</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/forms.py" line="321"/>
        <source>Show the record&apos;s values again; what you typed here is dropped</source>
        <translation>Réaffiche les valeurs enregistrées ; ce que vous avez saisi ici est abandonné</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/forms.py" line="336"/>
        <source>add a note to the timeline (Enter)</source>
        <translation>ajouter une note à la chronologie (Entrée)</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/forms.py" line="364"/>
        <source>Save changes</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/forms.py" line="528"/>
        <source>New incident – fill in type and place, then Create</source>
        <translation>Nouvel incident – indiquez la nature et le lieu, puis Créer</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/forms.py" line="490"/>
        <source>{field} was changed on another desk by {user}; your text is kept: Save to keep it</source>
        <translation>{field} a été modifié sur un autre poste par {user} ; votre texte est gardé : Enregistrer pour le conserver</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/forms.py" line="492"/>
        <source>{field} was changed on another desk; your text is kept: Save to keep it</source>
        <translation>{field} a été modifié sur un autre poste ; votre texte est gardé : Enregistrer pour le conserver</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/forms.py" line="495"/>
        <source>unsaved: {fields}</source>
        <translation>non enregistré : {fields}</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/forms.py" line="475"/>
        <source>type</source>
        <translation>nature</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/forms.py" line="475"/>
        <source>priority</source>
        <translation>priorité</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/forms.py" line="475"/>
        <source>where</source>
        <translation>lieu</translation>
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
        <translation>appelant</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/forms.py" line="476"/>
        <source>what</source>
        <translation>description</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/forms.py" line="477"/>
        <source>report number</source>
        <translation>numéro de PV</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/forms.py" line="477"/>
        <source>outcome</source>
        <translation>résultat</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/forms.py" line="531"/>
        <source>no unit</source>
        <translation>sans équipe</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/forms.py" line="532"/>
        <source>from {source}, {time} by {user}</source>
        <translation>{time}, {source} ({user})</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/forms.py" line="535"/>
        <source> · merged into {incident}</source>
        <translation> · fusionné avec {incident}</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/forms.py" line="540"/>
        <source> · snapshots: {count}</source>
        <translation> · captures : {count}</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/forms.py" line="544"/>
        <source>Cameras: {cameras}</source>
        <translation>Caméras : {cameras}</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/forms.py" line="544"/>
        <source>none linked</source>
        <translation>aucune liée</translation>
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
        <translation>Durée</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/models.py" line="224"/>
        <source>Type</source>
        <translation>Nature</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/models.py" line="224"/>
        <source>Where</source>
        <translation>Où</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/models.py" line="224"/>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/models.py" line="225"/>
        <source>Units</source>
        <translation>Équipes</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/models.py" line="235"/>
        <location filename="../../console/ui/dispatch/models.py" line="270"/>
        <source>{time} wait</source>
        <translation>attend {time}</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/models.py" line="288"/>
        <source>{incident} from {source}: {what}</source>
        <translation>{incident} par {source} : {what}</translation>
    </message>
</context>
<context>
    <name>InstantReplay</name>
    <message>
        <location filename="../../console/ui/instant_replay.py" line="92"/>
        <source>F9: select a tile with a camera first</source>
        <translation>F9 : sélectionnez d&apos;abord une vignette avec une caméra</translation>
    </message>
    <message>
        <location filename="../../console/ui/instant_replay.py" line="96"/>
        <source>{camera} is not recorded</source>
        <translation>{camera} n&apos;est pas enregistrée</translation>
    </message>
    <message>
        <location filename="../../console/ui/instant_replay.py" line="159"/>
        <source>the recordings cannot be read now</source>
        <translation>les enregistrements ne peuvent pas être lus pour l&apos;instant</translation>
    </message>
    <message>
        <location filename="../../console/ui/instant_replay.py" line="159"/>
        <source>nothing recorded yet</source>
        <translation>rien d&apos;enregistré pour l&apos;instant</translation>
    </message>
    <message>
        <location filename="../../console/ui/instant_replay.py" line="160"/>
        <source>{camera}: {why}</source>
        <translation>{camera} : {why}</translation>
    </message>
    <message>
        <location filename="../../console/ui/instant_replay.py" line="188"/>
        <source>the access could not be logged</source>
        <translation>l&apos;accès n&apos;a pas pu être journalisé</translation>
    </message>
    <message>
        <location filename="../../console/ui/instant_replay.py" line="232"/>
        <source>No instant replay</source>
        <translation>Pas de relecture immédiate</translation>
    </message>
    <message>
        <location filename="../../console/ui/instant_replay.py" line="242"/>
        <source>F9: instant replay (10 s back; again 30 s, again 2 min) · F10: live</source>
        <translation>F9 : relecture immédiate (10 s en arrière ; encore 30 s, encore 2 min) · F10 : en direct</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <location filename="../../console/ui/login.py" line="240"/>
        <source>Uitkijk is locked</source>
        <translation>Uitkijk est verrouillé</translation>
    </message>
    <message>
        <location filename="../../console/ui/login.py" line="253"/>
        <source>password</source>
        <translation>mot de passe</translation>
    </message>
    <message>
        <location filename="../../console/ui/login.py" line="256"/>
        <source>Unlock</source>
        <translation>Déverrouiller</translation>
    </message>
    <message>
        <location filename="../../console/ui/login.py" line="258"/>
        <source>Sign in as someone else</source>
        <translation>Se connecter sous un autre nom</translation>
    </message>
    <message>
        <location filename="../../console/ui/login.py" line="262"/>
        <source>Unlock it on the wall window.</source>
        <translation>Déverrouillez dans la fenêtre du mur vidéo.</translation>
    </message>
    <message>
        <location filename="../../console/ui/login.py" line="273"/>
        <source>Wrong password.</source>
        <translation>Mot de passe incorrect.</translation>
    </message>
    <message>
        <location filename="../../console/ui/login.py" line="281"/>
        <source>Priority 1 waiting for a unit: {count}</source>
        <translation>Priorité 1 en attente d’une équipe : {count}</translation>
    </message>
    <message>
        <location filename="../../console/ui/login.py" line="283"/>
        <source>Priority 1 alarms waiting: {count}</source>
        <translation>Alarmes de priorité 1 en attente : {count}</translation>
    </message>
    <message>
        <location filename="../../console/ui/login.py" line="285"/>
        <source>ANPR hits to check: {count}</source>
        <translation>Hits ANPR à vérifier : {count}</translation>
    </message>
    <message>
        <location filename="../../console/ui/login.py" line="287"/>
        <source>Alarms waiting: {count}</source>
        <translation>Alarmes en attente : {count}</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../console/ui/login.py" line="72"/>
        <source>Uitkijk – sign in</source>
        <translation>Uitkijk – connexion</translation>
    </message>
    <message>
        <location filename="../../console/ui/login.py" line="75"/>
        <source>&lt;b&gt;Uitkijk&lt;/b&gt; – dispatch video wall</source>
        <translation>&lt;b&gt;Uitkijk&lt;/b&gt; – mur vidéo du dispatching</translation>
    </message>
    <message>
        <location filename="../../console/ui/login.py" line="77"/>
        <source>Workstation &lt;b&gt;{workstation}&lt;/b&gt;. Every sign-in and every viewing is logged.</source>
        <translation>Poste de travail &lt;b&gt;{workstation}&lt;/b&gt;. Chaque connexion et chaque visionnage est journalisé.</translation>
    </message>
    <message>
        <location filename="../../console/ui/login.py" line="81"/>
        <source>user name</source>
        <translation>nom d&apos;utilisateur</translation>
    </message>
    <message>
        <location filename="../../console/ui/login.py" line="84"/>
        <source>password</source>
        <translation>mot de passe</translation>
    </message>
    <message>
        <location filename="../../console/ui/login.py" line="89"/>
        <source>User</source>
        <translation>Utilisateur</translation>
    </message>
    <message>
        <location filename="../../console/ui/login.py" line="90"/>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <location filename="../../console/ui/login.py" line="92"/>
        <source>Sign in</source>
        <translation>Se connecter</translation>
    </message>
    <message>
        <location filename="../../console/ui/login.py" line="109"/>
        <source>Give your user name and password.</source>
        <translation>Indiquez votre nom d&apos;utilisateur et votre mot de passe.</translation>
    </message>
    <message>
        <location filename="../../console/ui/login.py" line="112"/>
        <source>Checking…</source>
        <translation>Vérification…</translation>
    </message>
    <message>
        <location filename="../../console/ui/login.py" line="126"/>
        <source>Wrong user name or password</source>
        <translation>Nom ou mot de passe incorrect</translation>
    </message>
    <message>
        <location filename="../../console/ui/login.py" line="128"/>
        <source>Sign-in failed: {error}</source>
        <translation>Échec de la connexion : {error}</translation>
    </message>
    <message>
        <location filename="../../console/ui/login.py" line="133"/>
        <source>{text}. Too many attempts: wait {seconds} s.</source>
        <translation>{text}. Trop de tentatives : attendez {seconds} s.</translation>
    </message>
</context>
<context>
    <name>MapCanvas</name>
    <message>
        <location filename="../../console/ui/map_view.py" line="335"/>
        <source>{name}: {site} since {since} – {purpose}</source>
        <translation>{name} : {site} depuis le {since} – {purpose}</translation>
    </message>
    <message>
        <location filename="../../console/ui/map_view.py" line="350"/>
        <source>fixed camera</source>
        <translation>caméra fixe</translation>
    </message>
    <message>
        <location filename="../../console/ui/map_view.py" line="354"/>
        <source> · looks {heading}°</source>
        <translation> · regarde vers {heading}°</translation>
    </message>
    <message>
        <location filename="../../console/ui/map_view.py" line="570"/>
        <source>Turn {camera} toward this spot</source>
        <translation>Tourner {camera} vers cet endroit</translation>
    </message>
    <message>
        <location filename="../../console/ui/map_view.py" line="575"/>
        <source>Cameras that see this spot on the wall ({count})</source>
        <translation>Les caméras qui voient cet endroit sur le mur ({count})</translation>
    </message>
    <message>
        <location filename="../../console/ui/map_view.py" line="579"/>
        <source>Recordings of the cameras that see this spot ({count})</source>
        <translation>Enregistrements des caméras qui voient cet endroit ({count})</translation>
    </message>
    <message>
        <location filename="../../console/ui/map_view.py" line="583"/>
        <source>No camera sees this spot</source>
        <translation>Aucune caméra ne voit cet endroit</translation>
    </message>
</context>
<context>
    <name>MapPanel</name>
    <message>
        <location filename="../../console/ui/desk_map.py" line="48"/>
        <source>live</source>
        <translation>en direct</translation>
    </message>
    <message>
        <location filename="../../console/ui/desk_map.py" line="48"/>
        <source>no signal</source>
        <translation>pas de signal</translation>
    </message>
    <message>
        <location filename="../../console/ui/desk_map.py" line="49"/>
        <source>not on a wall</source>
        <translation>sur aucun mur</translation>
    </message>
    <message>
        <location filename="../../console/ui/desk_map.py" line="49"/>
        <source>incident</source>
        <translation>incident</translation>
    </message>
    <message>
        <location filename="../../console/ui/desk_map.py" line="50"/>
        <source>sees the incident</source>
        <translation>voit l&apos;incident</translation>
    </message>
    <message>
        <location filename="../../console/ui/desk_map.py" line="51"/>
        <source>open alarm (+N: more on that camera)</source>
        <translation>alarme ouverte (+N : d&apos;autres sur cette caméra)</translation>
    </message>
    <message>
        <location filename="../../console/ui/desk_map.py" line="55"/>
        <source>Shift+drag: an area onto the wall · right-click: aim a PTZ camera</source>
        <translation>Maj+glisser : une zone sur le mur · clic droit : orienter une caméra PTZ</translation>
    </message>
    <message>
        <location filename="../../console/ui/desk_map.py" line="59"/>
        <source>Whole zone</source>
        <translation>Toute la zone</translation>
    </message>
</context>
<context>
    <name>MapWindow</name>
    <message>
        <location filename="../../console/ui/desk_map.py" line="76"/>
        <source>Uitkijk – map</source>
        <translation>Uitkijk – carte</translation>
    </message>
</context>
<context>
    <name>MiniWall</name>
    <message>
        <location filename="../../console/ui/miniatures.py" line="91"/>
        <source>ALARM {number}</source>
        <translation>ALARME {number}</translation>
    </message>
    <message>
        <location filename="../../console/ui/miniatures.py" line="91"/>
        <source>ALARM</source>
        <translation>ALARME</translation>
    </message>
    <message>
        <location filename="../../console/ui/miniatures.py" line="110"/>
        <source>PLAYBACK {time}</source>
        <translation>ENREGISTREMENT {time}</translation>
    </message>
    <message>
        <location filename="../../console/ui/miniatures.py" line="160"/>
        <source>NO SIGNAL · {age} ago</source>
        <translation>PAS DE SIGNAL · il y a {age}</translation>
    </message>
</context>
<context>
    <name>PlaybackPicture</name>
    <message>
        <location filename="../../console/ui/playback_window.py" line="232"/>
        <source>PLAYBACK</source>
        <translation>ENREGISTREMENT</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_window.py" line="233"/>
        <source>PLAYBACK {time}</source>
        <translation>ENREGISTREMENT {time}</translation>
    </message>
</context>
<context>
    <name>PlaybackWindow</name>
    <message>
        <location filename="../../console/ui/playback_window.py" line="80"/>
        <source>camera down</source>
        <translation>caméra en panne</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_window.py" line="81"/>
        <source>recorder down</source>
        <translation>enregistreur en panne</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_window.py" line="82"/>
        <source>disk full</source>
        <translation>disque plein</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_window.py" line="83"/>
        <source>segment missing</source>
        <translation>segment manquant</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_window.py" line="84"/>
        <source>segment unreadable</source>
        <translation>segment illisible</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_window.py" line="85"/>
        <source>not recorded</source>
        <translation>non enregistré</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_window.py" line="378"/>
        <source>Uitkijk: recordings (playback)</source>
        <translation>Uitkijk : enregistrements (revoir)</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_window.py" line="404"/>
        <source>&amp;Session</source>
        <translation>&amp;Session</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_window.py" line="405"/>
        <source>Sign out (change user)</source>
        <translation>Se déconnecter (changer d&apos;utilisateur)</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_window.py" line="421"/>
        <source>PLAYBACK</source>
        <translation>ENREGISTREMENT</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_window.py" line="438"/>
        <source>Kind...</source>
        <translation>Type...</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_window.py" line="442"/>
        <source>Reason...</source>
        <translation>Motif...</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_window.py" line="446"/>
        <source>reference (PV, incident)</source>
        <translation>référence (PV, incident)</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_window.py" line="448"/>
        <source>decision of the prosecutor or judge</source>
        <translation>décision du procureur ou du juge</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_window.py" line="449"/>
        <source>Needed for footage older than the administrative window (judicial only)</source>
        <translation>Nécessaire pour les images plus anciennes que le délai administratif (judiciaire uniquement)</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_window.py" line="450"/>
        <source>Play under this reason</source>
        <translation>Revoir avec ce motif</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_window.py" line="467"/>
        <source>Tick up to 4 cameras: their recordings play in step</source>
        <translation>Cochez jusqu&apos;à 4 caméras : leurs enregistrements sont lus ensemble</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_window.py" line="471"/>
        <source>{name} (not recorded)</source>
        <translation>{name} (non enregistrée)</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_window.py" line="479"/>
        <source>{name} ({id}): this camera is not recorded</source>
        <translation>{name} ({id}) : cette caméra n&apos;est pas enregistrée</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_window.py" line="487"/>
        <source>Tick up to 4 cameras in the list: their recordings play in step</source>
        <translation>Cochez jusqu&apos;à 4 caméras dans la liste : leurs enregistrements sont lus ensemble</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_window.py" line="499"/>
        <source>&lt; Frame</source>
        <translation>&lt; Image</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_window.py" line="500"/>
        <source>Reverse</source>
        <translation>Arrière</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_window.py" line="502"/>
        <location filename="../../console/ui/playback_window.py" line="505"/>
        <location filename="../../console/ui/playback_window.py" line="906"/>
        <source>Play</source>
        <translation>Lire</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_window.py" line="507"/>
        <source>Frame &gt;</source>
        <translation>Image &gt;</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_window.py" line="512"/>
        <source>Playback speed</source>
        <translation>Vitesse de lecture</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_window.py" line="519"/>
        <source>Go</source>
        <translation>Aller</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_window.py" line="522"/>
        <source>{minutes} min</source>
        <translation>{minutes} min</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_window.py" line="523"/>
        <source>{hours} h</source>
        <translation>{hours} h</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_window.py" line="526"/>
        <source>How much time the timelines show</source>
        <translation>Durée montrée par les lignes du temps</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_window.py" line="527"/>
        <source>Evidence lock...</source>
        <translation>Verrou de preuve...</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_window.py" line="528"/>
        <source>Export...</source>
        <translation>Exporter...</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_window.py" line="551"/>
        <source>Keep what is shown past its retention (an incident or a judicial file)</source>
        <translation>Conserver ce qui est montré au-delà de sa durée de conservation (un incident ou un dossier judiciaire)</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_window.py" line="552"/>
        <source>A sealed copy of what is shown, with its manifest</source>
        <translation>Une copie scellée de ce qui est montré, avec son manifeste</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_window.py" line="642"/>
        <source>At most {count} cameras play in step</source>
        <translation>Au plus {count} caméras sont lues ensemble</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_window.py" line="734"/>
        <source>Playback logged under: {reason}</source>
        <translation>Visionnage journalisé sous : {reason}</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_window.py" line="753"/>
        <source>Nothing may be played yet: give a reason and choose cameras</source>
        <translation>Rien ne peut encore être lu : donnez un motif et choisissez des caméras</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_window.py" line="799"/>
        <source>&apos;{text}&apos; is not a date and time: type it as 05-12-2026 02:21:40</source>
        <translation>« {text} » n&apos;est pas une date et une heure : tapez-les comme 05-12-2026 02:21:40</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_window.py" line="805"/>
        <source>{time} is still to come: nothing is recorded then</source>
        <translation>{time} est encore à venir : rien n&apos;est enregistré alors</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_window.py" line="823"/>
        <source>The end of the span shown: choose a wider span or go to another time</source>
        <translation>Fin de la période montrée : choisissez une période plus large ou allez à un autre moment</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_window.py" line="850"/>
        <source>Paused at the newest recorded picture ({time}): nothing is recorded after it yet</source>
        <translation>En pause sur la dernière image enregistrée ({time}) : rien n&apos;est encore enregistré après</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_window.py" line="880"/>
        <source>Waiting for the log</source>
        <translation>En attente du journal</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_window.py" line="883"/>
        <source>No recording at this time: {cause}</source>
        <translation>Pas d&apos;enregistrement à ce moment : {cause}</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_window.py" line="503"/>
        <location filename="../../console/ui/playback_window.py" line="906"/>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_window.py" line="515"/>
        <source>dd-mm-yyyy hh:mm:ss</source>
        <translation>jj-mm-aaaa hh:mm:ss</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_window.py" line="517"/>
        <source>A date and time to go to (your clock&apos;s time), then Enter</source>
        <translation>Une date et une heure où aller (l&apos;heure de votre horloge), puis Entrée</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_window.py" line="907"/>
        <source>Choose up to 4 cameras first</source>
        <translation>Choisissez d&apos;abord jusqu&apos;à 4 caméras</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_window.py" line="908"/>
        <source>Play or pause (space)</source>
        <translation>Lire ou mettre en pause (espace)</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_window.py" line="941"/>
        <source>Fill in an incident or a judicial file (one of the two, not both)</source>
        <translation>Indiquez un incident ou un dossier judiciaire (l&apos;un des deux, pas les deux)</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_window.py" line="960"/>
        <source>Evidence lock {number} placed</source>
        <translation>Verrou de preuve {number} posé</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_window.py" line="967"/>
        <source>The evidence lock was not placed</source>
        <translation>Le verrou de preuve n&apos;a pas été posé</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_window.py" line="1000"/>
        <source>Exporting...</source>
        <translation>Export en cours...</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_window.py" line="1003"/>
        <source>Exported to {folder} (manifest {sha256})</source>
        <translation>Exporté vers {folder} (manifeste {sha256})</translation>
    </message>
</context>
<context>
    <name>PriorityOneAlert</name>
    <message>
        <location filename="../../console/ui/dispatch/p1_alert.py" line="30"/>
        <source>Priority 1</source>
        <translation>Priorité 1</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/p1_alert.py" line="38"/>
        <source>NEW PRIORITY-1 CALL</source>
        <translation>NOUVEL APPEL PRIORITÉ 1</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/p1_alert.py" line="48"/>
        <source>Show</source>
        <translation>Afficher</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/p1_alert.py" line="50"/>
        <source>Acknowledge: I take it</source>
        <translation>Prendre en charge : je m’en occupe</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/p1_alert.py" line="72"/>
        <source>+{count} more waiting to be acknowledged</source>
        <translation>+{count} autres en attente de prise en charge</translation>
    </message>
</context>
<context>
    <name>PtzController</name>
    <message>
        <location filename="../../console/ui/ptz_controller.py" line="340"/>
        <source>PTZ failed: {error}</source>
        <translation>PTZ échoué : {error}</translation>
    </message>
</context>
<context>
    <name>PtzPanel</name>
    <message>
        <location filename="../../console/ui/ptz_panel.py" line="52"/>
        <source>{name} (token {token})</source>
        <translation>{name} (jeton {token})</translation>
    </message>
    <message>
        <location filename="../../console/ui/ptz_panel.py" line="73"/>
        <location filename="../../console/ui/ptz_panel.py" line="183"/>
        <source>Take control (P)</source>
        <translation>Prendre la commande (P)</translation>
    </message>
    <message>
        <location filename="../../console/ui/ptz_panel.py" line="84"/>
        <source>Home position</source>
        <translation>Position de repos</translation>
    </message>
    <message>
        <location filename="../../console/ui/ptz_panel.py" line="90"/>
        <source>Zoom</source>
        <translation>Zoom</translation>
    </message>
    <message>
        <location filename="../../console/ui/ptz_panel.py" line="96"/>
        <source>Speed of the pad, keys and wheel</source>
        <translation>Vitesse du pavé, des touches et de la molette</translation>
    </message>
    <message>
        <location filename="../../console/ui/ptz_panel.py" line="98"/>
        <source>Speed</source>
        <translation>Vitesse</translation>
    </message>
    <message>
        <location filename="../../console/ui/ptz_panel.py" line="106"/>
        <source>Go to</source>
        <translation>Aller à</translation>
    </message>
    <message>
        <location filename="../../console/ui/ptz_panel.py" line="108"/>
        <source>Save here…</source>
        <translation>Enregistrer ici…</translation>
    </message>
    <message>
        <location filename="../../console/ui/ptz_panel.py" line="110"/>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <location filename="../../console/ui/ptz_panel.py" line="127"/>
        <source>Presets</source>
        <translation>Préréglages</translation>
    </message>
    <message>
        <location filename="../../console/ui/ptz_panel.py" line="166"/>
        <source>Select a tile to steer its camera.</source>
        <translation>Choisissez une vignette pour piloter sa caméra.</translation>
    </message>
    <message>
        <location filename="../../console/ui/ptz_panel.py" line="171"/>
        <source>This camera cannot pan, tilt or zoom.</source>
        <translation>Cette caméra ne peut ni pivoter, ni s’incliner, ni zoomer.</translation>
    </message>
    <message>
        <location filename="../../console/ui/ptz_panel.py" line="175"/>
        <source>You control this camera. Released after 30 s without input.</source>
        <translation>Vous commandez cette caméra. Libérée après 30 s sans commande.</translation>
    </message>
    <message>
        <location filename="../../console/ui/ptz_panel.py" line="178"/>
        <source>{holder} controls this camera.</source>
        <translation>{holder} commande cette caméra.</translation>
    </message>
    <message>
        <location filename="../../console/ui/ptz_panel.py" line="181"/>
        <source>Free: take control to steer it.</source>
        <translation>Libre : prenez la commande pour la piloter.</translation>
    </message>
    <message>
        <location filename="../../console/ui/ptz_panel.py" line="183"/>
        <source>Release control (P)</source>
        <translation>Libérer la commande (P)</translation>
    </message>
    <message>
        <location filename="../../console/ui/ptz_panel.py" line="232"/>
        <source>Save preset</source>
        <translation>Enregistrer le préréglage</translation>
    </message>
    <message>
        <location filename="../../console/ui/ptz_panel.py" line="232"/>
        <source>Name of this preset (where the camera looks now):</source>
        <translation>Nom de ce préréglage (où la caméra regarde maintenant) :</translation>
    </message>
    <message>
        <location filename="../../console/ui/ptz_panel.py" line="262"/>
        <source> · moving</source>
        <translation> · en mouvement</translation>
    </message>
    <message>
        <location filename="../../console/ui/ptz_panel.py" line="264"/>
        <source>Pan {pan}  Tilt {tilt}  Zoom {zoom}</source>
        <translation>Pan {pan}  Incl. {tilt}  Zoom {zoom}</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <location filename="../../console/ui/login.py" line="157"/>
        <source>Reason for viewing</source>
        <translation>Motif de visionnage</translation>
    </message>
    <message>
        <location filename="../../console/ui/login.py" line="161"/>
        <source>The law allows viewing only for a stated reason. It is logged with every camera you open.</source>
        <translation>La loi ne permet le visionnage que pour un motif déclaré. Il est journalisé avec chaque caméra que vous ouvrez.</translation>
    </message>
    <message>
        <location filename="../../console/ui/login.py" line="176"/>
        <source>incident / report number (PV), or a few words</source>
        <translation>numéro d&apos;incident / de PV, ou quelques mots</translation>
    </message>
    <message>
        <location filename="../../console/ui/login.py" line="178"/>
        <source>Recent reasons…</source>
        <translation>Motifs récents…</translation>
    </message>
    <message>
        <location filename="../../console/ui/login.py" line="187"/>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../console/ui/login.py" line="188"/>
        <source>Category</source>
        <translation>Catégorie</translation>
    </message>
    <message>
        <location filename="../../console/ui/login.py" line="189"/>
        <source>Reference</source>
        <translation>Référence</translation>
    </message>
    <message>
        <location filename="../../console/ui/login.py" line="192"/>
        <source>Use this reason</source>
        <translation>Utiliser ce motif</translation>
    </message>
</context>
<context>
    <name>RecordingActionDialog</name>
    <message>
        <location filename="../../console/ui/playback_window.py" line="278"/>
        <source>Export recordings</source>
        <translation>Exporter des enregistrements</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_window.py" line="278"/>
        <source>Place an evidence lock</source>
        <translation>Poser un verrou de preuve</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_window.py" line="290"/>
        <source>Cameras</source>
        <translation>Caméras</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_window.py" line="291"/>
        <source>From</source>
        <translation>De</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_window.py" line="292"/>
        <source>To</source>
        <translation>À</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_window.py" line="304"/>
        <source>to whom the copy goes (e.g. the prosecutor&apos;s office)</source>
        <translation>destinataire de la copie (p. ex. le parquet)</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_window.py" line="305"/>
        <source>Recipient</source>
        <translation>Destinataire</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_window.py" line="306"/>
        <source>Folder</source>
        <translation>Dossier</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_window.py" line="309"/>
        <source>none</source>
        <translation>aucune</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_window.py" line="317"/>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_window.py" line="318"/>
        <source>Decision</source>
        <translation>Décision</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_window.py" line="321"/>
        <source>or the judicial file&apos;s reference</source>
        <translation>ou la référence du dossier judiciaire</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_window.py" line="322"/>
        <source>Incident</source>
        <translation>Incident</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_window.py" line="323"/>
        <source>Judicial file</source>
        <translation>Dossier judiciaire</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_window.py" line="324"/>
        <source>Why</source>
        <translation>Pourquoi</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_window.py" line="329"/>
        <source>Export</source>
        <translation>Exporter</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_window.py" line="329"/>
        <source>Place the lock</source>
        <translation>Poser le verrou</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_window.py" line="342"/>
        <source>Exporting...</source>
        <translation>Export en cours...</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_window.py" line="342"/>
        <source>Placing the lock...</source>
        <translation>Pose du verrou de preuve...</translation>
    </message>
</context>
<context>
    <name>SignIn</name>
    <message>
        <location filename="../../console/ui/signin.py" line="86"/>
        <source>Signed in as {user}, but an administrator watches no video: configure with &apos;check-config&apos;, &apos;user add&apos; and &apos;user passwd&apos; on the command line.</source>
        <translation>Connecté en tant que {user}, mais un administrateur ne regarde pas de vidéo : configurez avec « check-config », « user add » et « user passwd » en ligne de commande.</translation>
    </message>
</context>
<context>
    <name>StillReader</name>
    <message>
        <location filename="../../console/ui/alarms.py" line="114"/>
        <source>the alarm&apos;s still could not be read: {error}</source>
        <translation>l&apos;image de l&apos;alarme n&apos;a pas pu être lue : {error}</translation>
    </message>
</context>
<context>
    <name>TimelineBar</name>
    <message>
        <location filename="../../console/ui/playback_window.py" line="157"/>
        <source>not recorded</source>
        <translation>non enregistré</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_window.py" line="159"/>
        <source>recorded</source>
        <translation>enregistré</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_window.py" line="161"/>
        <source>gap: {cause}</source>
        <translation>interruption : {cause}</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_window.py" line="164"/>
        <source>evidence lock {number} ({serves})</source>
        <translation>verrou de preuve {number} ({serves})</translation>
    </message>
</context>
<context>
    <name>TourBar</name>
    <message>
        <location filename="../../console/ui/tour_bar.py" line="45"/>
        <source>Previous step (Left)</source>
        <translation>Étape précédente (Gauche)</translation>
    </message>
    <message>
        <location filename="../../console/ui/tour_bar.py" line="46"/>
        <location filename="../../console/ui/tour_bar.py" line="84"/>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <location filename="../../console/ui/tour_bar.py" line="46"/>
        <source>Pause / resume (Space)</source>
        <translation>Pause / reprise (Espace)</translation>
    </message>
    <message>
        <location filename="../../console/ui/tour_bar.py" line="47"/>
        <location filename="../../console/ui/tour_bar.py" line="85"/>
        <source>Hold</source>
        <translation>Maintenir</translation>
    </message>
    <message>
        <location filename="../../console/ui/tour_bar.py" line="47"/>
        <source>Hold this step: the countdown stops (H)</source>
        <translation>Maintenir cette étape : le compte à rebours s&apos;arrête (H)</translation>
    </message>
    <message>
        <location filename="../../console/ui/tour_bar.py" line="48"/>
        <source>Next step (Right)</source>
        <translation>Étape suivante (Droite)</translation>
    </message>
    <message>
        <location filename="../../console/ui/tour_bar.py" line="49"/>
        <source>■ Stop</source>
        <translation>■ Arrêter</translation>
    </message>
    <message>
        <location filename="../../console/ui/tour_bar.py" line="83"/>
        <source>PAUSED</source>
        <translation>EN PAUSE</translation>
    </message>
    <message>
        <location filename="../../console/ui/tour_bar.py" line="83"/>
        <source>HELD</source>
        <translation>MAINTENUE</translation>
    </message>
    <message>
        <location filename="../../console/ui/tour_bar.py" line="84"/>
        <source>Resume</source>
        <translation>Reprendre</translation>
    </message>
    <message>
        <location filename="../../console/ui/tour_bar.py" line="85"/>
        <source>Release hold</source>
        <translation>Relâcher</translation>
    </message>
    <message>
        <location filename="../../console/ui/tour_bar.py" line="91"/>
        <source> · round {round}</source>
        <translation> · passage {round}</translation>
    </message>
    <message>
        <location filename="../../console/ui/tour_bar.py" line="86"/>
        <source>step {number}/{count}</source>
        <translation>étape {number}/{count}</translation>
    </message>
    <message>
        <location filename="../../console/ui/tour_bar.py" line="49"/>
        <source>Stop the tour: your wall comes back (Esc)</source>
        <translation>Arrêter la ronde : votre mur revient (Échap)</translation>
    </message>
    <message>
        <location filename="../../console/ui/tour_bar.py" line="95"/>
        <source>last step</source>
        <translation>dernière étape</translation>
    </message>
    <message>
        <location filename="../../console/ui/tour_bar.py" line="99"/>
        <source>next: {camera} +{more}</source>
        <translation>suivante : {camera} +{more}</translation>
    </message>
    <message>
        <location filename="../../console/ui/tour_bar.py" line="101"/>
        <source>next: {camera}</source>
        <translation>suivante : {camera}</translation>
    </message>
    <message>
        <location filename="../../console/ui/tour_bar.py" line="101"/>
        <source>next: an empty wall</source>
        <translation>suivante : un mur vide</translation>
    </message>
    <message>
        <location filename="../../console/ui/tour_bar.py" line="103"/>
        <source>next: {cameras}</source>
        <translation>suivante : {cameras}</translation>
    </message>
    <message>
        <location filename="../../console/ui/tour_bar.py" line="104"/>
        <source>offline: {camera}</source>
        <translation>hors ligne : {camera}</translation>
    </message>
    <message>
        <location filename="../../console/ui/tour_bar.py" line="106"/>
        <source>not moved: {camera} ({why})</source>
        <translation>pas bougée : {camera} ({why})</translation>
    </message>
</context>
<context>
    <name>TourPlayer</name>
    <message>
        <location filename="../../console/ui/tour_player.py" line="248"/>
        <source>PTZ not available</source>
        <translation>PTZ indisponible</translation>
    </message>
    <message>
        <location filename="../../console/ui/tour_player.py" line="252"/>
        <source>no preset &apos;{preset}&apos;</source>
        <translation>pas de préréglage « {preset} »</translation>
    </message>
    <message>
        <location filename="../../console/ui/tour_player.py" line="280"/>
        <source>the audit log cannot be written: not moved</source>
        <translation>le journal d&apos;audit ne peut pas être écrit : caméra non déplacée</translation>
    </message>
</context>
<context>
    <name>UnitBoardModel</name>
    <message>
        <location filename="../../console/ui/dispatch/models.py" line="308"/>
        <source>Unit</source>
        <translation>Équipe</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/models.py" line="308"/>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/models.py" line="308"/>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/models.py" line="308"/>
        <source>Incident</source>
        <translation>Incident</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/models.py" line="308"/>
        <source>Since</source>
        <translation>Depuis</translation>
    </message>
</context>
<context>
    <name>UnsavedQuestion</name>
    <message>
        <location filename="../../console/ui/dispatch/panel.py" line="835"/>
        <source>Unsaved changes</source>
        <translation>Modifications non enregistrées</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/panel.py" line="836"/>
        <source>Not saved yet: {what}</source>
        <translation>Pas encore enregistré : {what}</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/panel.py" line="837"/>
        <source>Save them before closing?</source>
        <translation>Les enregistrer avant de fermer ?</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/panel.py" line="838"/>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/panel.py" line="839"/>
        <source>Discard</source>
        <translation>Abandonner</translation>
    </message>
    <message>
        <location filename="../../console/ui/dispatch/panel.py" line="840"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
</context>
<context>
    <name>VideoTile</name>
    <message>
        <location filename="../../console/ui/video_tile.py" line="350"/>
        <source>finding the streams over ONVIF</source>
        <translation>recherche des flux par ONVIF</translation>
    </message>
    <message>
        <location filename="../../console/ui/video_tile.py" line="532"/>
        <location filename="../../console/ui/video_tile.py" line="555"/>
        <source>PLAYBACK</source>
        <translation>ENREGISTREMENT</translation>
    </message>
    <message>
        <location filename="../../console/ui/video_tile.py" line="559"/>
        <source>{age} ago</source>
        <translation>il y a {age}</translation>
    </message>
    <message>
        <location filename="../../console/ui/video_tile.py" line="560"/>
        <location filename="../../console/ui/video_tile.py" line="561"/>
        <source>PLAYBACK {time}</source>
        <translation>ENREGISTREMENT {time}</translation>
    </message>
    <message>
        <location filename="../../console/ui/video_tile.py" line="562"/>
        <source>{seconds} s behind live · F10: live</source>
        <translation>{seconds} s de retard sur le direct · F10 : direct</translation>
    </message>
    <message>
        <location filename="../../console/ui/video_tile.py" line="626"/>
        <source>DOOR OPEN</source>
        <translation>PORTE OUVERTE</translation>
    </message>
    <message>
        <location filename="../../console/ui/camera_tree.py" line="199"/>
        <location filename="../../console/ui/video_tile.py" line="627"/>
        <source>stale</source>
        <translation>périmé</translation>
    </message>
    <message>
        <location filename="../../console/ui/video_tile.py" line="790"/>
        <source>Esc: back to the wall   {number}</source>
        <translation>Échap : retour au mur   {number}</translation>
    </message>
    <message>
        <location filename="../../console/ui/video_tile.py" line="814"/>
        <source>no picture yet</source>
        <translation>pas encore d&apos;image</translation>
    </message>
    <message>
        <location filename="../../console/ui/video_tile.py" line="817"/>
        <source>age {age}</source>
        <translation>il y a {age}</translation>
    </message>
    <message>
        <location filename="../../console/ui/video_tile.py" line="853"/>
        <source>CONNECTING…</source>
        <translation>CONNEXION…</translation>
    </message>
    <message>
        <location filename="../../console/ui/video_tile.py" line="855"/>
        <source>NO SIGNAL</source>
        <translation>PAS DE SIGNAL</translation>
    </message>
    <message>
        <location filename="../../console/ui/video_tile.py" line="858"/>
        <source>last frame {time} ({age} ago)</source>
        <translation>dernière image {time} (il y a {age})</translation>
    </message>
    <message>
        <location filename="../../console/ui/video_tile.py" line="861"/>
        <source>no frame received yet</source>
        <translation>aucune image reçue</translation>
    </message>
    <message>
        <location filename="../../console/ui/video_tile.py" line="865"/>
        <source> · retrying in {seconds} s</source>
        <translation> · nouvel essai dans {seconds} s</translation>
    </message>
    <message>
        <location filename="../../console/ui/video_tile.py" line="869"/>
        <source>relay: </source>
        <translation>relais : </translation>
    </message>
    <message>
        <location filename="../../console/ui/video_tile.py" line="872"/>
        <source>attempt {number}</source>
        <translation>essai {number}</translation>
    </message>
    <message>
        <location filename="../../console/ui/video_tile.py" line="926"/>
        <source>{number}
Drag a camera here</source>
        <translation>{number}
Glissez une caméra ici</translation>
    </message>
    <message>
        <location filename="../../console/ui/video_tile.py" line="1009"/>
        <source>battery {percent}% (low)</source>
        <translation>batterie {percent} % (faible)</translation>
    </message>
    <message>
        <location filename="../../console/ui/video_tile.py" line="1011"/>
        <source>battery {percent}%</source>
        <translation>batterie {percent} %</translation>
    </message>
    <message>
        <location filename="../../console/ui/video_tile.py" line="1013"/>
        <source>battery low</source>
        <translation>batterie faible</translation>
    </message>
    <message>
        <location filename="../../console/ui/video_tile.py" line="1015"/>
        <source>uplink ok</source>
        <translation>liaison bonne</translation>
    </message>
    <message>
        <location filename="../../console/ui/camera_tree.py" line="195"/>
        <location filename="../../console/ui/video_tile.py" line="1017"/>
        <source>uplink degraded</source>
        <translation>liaison dégradée</translation>
    </message>
    <message>
        <location filename="../../console/ui/camera_tree.py" line="197"/>
        <location filename="../../console/ui/video_tile.py" line="1019"/>
        <source>uplink lost</source>
        <translation>liaison perdue</translation>
    </message>
    <message>
        <location filename="../../console/ui/camera_tree.py" line="193"/>
        <location filename="../../console/ui/video_tile.py" line="1021"/>
        <source>door open</source>
        <translation>porte ouverte</translation>
    </message>
    <message>
        <location filename="../../console/ui/video_tile.py" line="1023"/>
        <source>door closed</source>
        <translation>porte fermée</translation>
    </message>
    <message>
        <location filename="../../console/ui/video_tile.py" line="1026"/>
        <source>stale: last said at {time}</source>
        <translation>périmé : dernier signal à {time}</translation>
    </message>
</context>
<context>
    <name>ViewingLog</name>
    <message>
        <location filename="../../console/ui/accountability.py" line="239"/>
        <source>First give a reason for viewing (R)</source>
        <translation>Donnez d&apos;abord un motif de visionnage (R)</translation>
    </message>
    <message>
        <location filename="../../console/ui/accountability.py" line="248"/>
        <location filename="../../console/ui/accountability.py" line="270"/>
        <source>recording the viewing in the log…</source>
        <translation>journalisation du visionnage…</translation>
    </message>
    <message>
        <location filename="../../console/ui/accountability.py" line="279"/>
        <source>the audit log cannot be written: no picture</source>
        <translation>le journal d&apos;audit ne peut pas être écrit : pas d&apos;image</translation>
    </message>
</context>
<context>
    <name>WallNotice</name>
    <message>
        <location filename="../../console/ui/notice.py" line="31"/>
        <source>Close this notice</source>
        <translation>Fermer cet avis</translation>
    </message>
</context>
<context>
    <name>WallView</name>
    <message>
        <location filename="../../console/ui/wall_view.py" line="399"/>
        <source>PTZ: you</source>
        <translation>PTZ : vous</translation>
    </message>
    <message>
        <location filename="../../console/ui/wall_view.py" line="401"/>
        <source>PTZ: {holder}</source>
        <translation>PTZ : {holder}</translation>
    </message>
    <message>
        <location filename="../../console/ui/wall_view.py" line="425"/>
        <source>P: select a tile with a camera first</source>
        <translation>P : choisissez d&apos;abord une vignette avec une caméra</translation>
    </message>
    <message>
        <location filename="../../console/ui/wall_view.py" line="430"/>
        <source>P: {camera} has no PTZ</source>
        <translation>P : {camera} n&apos;a pas de PTZ</translation>
    </message>
    <message>
        <location filename="../../console/ui/wall_view.py" line="432"/>
        <source>P: {camera} has not answered over ONVIF yet</source>
        <translation>P : {camera} n&apos;a pas encore répondu par ONVIF</translation>
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
        <translation>Caméras</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="234"/>
        <source>Wall</source>
        <translation>Mur</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="240"/>
        <source>&amp;Wall</source>
        <translation>&amp;Mur</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="241"/>
        <source>Overview grids (a wall monitor, not a desk)</source>
        <translation>Grilles de vue d&apos;ensemble (un écran mural, pas un poste)</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="249"/>
        <source>Overview grid {layout} for a wall monitor (Ctrl+{number})</source>
        <translation>Grille de vue d&apos;ensemble {layout} pour un écran mural (Ctrl+{number})</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="255"/>
        <source>Layout {layout} (Ctrl+{number})</source>
        <translation>Disposition {layout} (Ctrl+{number})</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="263"/>
        <source>New wall window</source>
        <translation>Nouvelle fenêtre de mur</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="265"/>
        <source>Open another wall window, for another monitor (Ctrl+N)</source>
        <translation>Ouvrir une autre fenêtre de mur, pour un autre écran (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="268"/>
        <source>Close this wall window</source>
        <translation>Fermer cette fenêtre de mur</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="272"/>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="274"/>
        <source>Camera list</source>
        <translation>Liste des caméras</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="277"/>
        <source>Search cameras</source>
        <translation>Rechercher des caméras</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="286"/>
        <source>Full screen</source>
        <translation>Plein écran</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="291"/>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="292"/>
        <source>Keyboard and mouse</source>
        <translation>Clavier et souris</translation>
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
        <translation>&lt;b&gt;Touches&lt;/b&gt; (elles fonctionnent où que soit le focus dans cette fenêtre, sauf pendant la saisie dans un champ)&lt;br&gt;
&lt;b&gt;Le mur&lt;/b&gt; : 1-9 choisit une vignette &amp;nbsp;·&amp;nbsp; les flèches déplacent le choix &amp;nbsp;·&amp;nbsp; Entrée agrandit la
vignette choisie (flux principal), Échap revient &amp;nbsp;·&amp;nbsp; Suppr vide la vignette choisie&lt;br&gt;
Ctrl+1 … Ctrl+6 : dispositions 1x1, 2x2, 3x3, 4x4, 1+5, 1+7 &amp;nbsp;·&amp;nbsp; Ctrl+7, Ctrl+8 : grilles de vue d&apos;ensemble 5x5, 6x6&lt;br&gt;
Ctrl+F : rechercher des caméras &amp;nbsp;·&amp;nbsp; Ctrl+N : nouvelle fenêtre de mur &amp;nbsp;·&amp;nbsp; Ctrl+W : la fermer
&amp;nbsp;·&amp;nbsp; F11 : plein écran&lt;br&gt;
Ctrl+S : enregistrer ce mur comme vue &amp;nbsp;·&amp;nbsp; Alt+1 … Alt+9 : rappeler une vue enregistrée&lt;br&gt;
&lt;b&gt;PTZ&lt;/b&gt; : P prend ou libère la commande de la caméra PTZ choisie ; tant que vous l&apos;avez, les flèches et +/- la pilotent
(appuyer bouge, relâcher arrête), la molette zoome et un glisser dans l&apos;image la pilote&lt;br&gt;
&lt;b&gt;Rondes&lt;/b&gt; : menu Rondes &amp;gt; Démarrer (une ronde tourne jusqu&apos;à ce que vous l&apos;arrêtiez ; Arrêter remet votre mur) ;
pendant une ronde, Espace met en pause/reprend, Gauche/Droite étape précédente/suivante, H maintient (le compte à rebours s&apos;arrête),
Échap l&apos;arrête (■ Arrêter dans la barre de ronde)&lt;br&gt;
&lt;b&gt;La carte&lt;/b&gt; : l&apos;onglet Carte à côté de la liste des caméras, ou Ctrl+M pour une fenêtre de carte à part (un écran
mural) : un clic sur une caméra la met sur la vignette choisie, un glisser l&apos;amène sur n&apos;importe quelle vignette,
Maj+glisser sur une zone remplit le mur avec les caméras qui s&apos;y trouvent, un clic droit oriente une caméra PTZ vers
cet endroit ; un clic sur un incident l&apos;affiche dans le panneau de dispatching avec les caméras qui peuvent le voir
&amp;nbsp;·&amp;nbsp; la molette zoome, « Toute la zone » montre tout&lt;br&gt;
&lt;b&gt;Dispatching&lt;/b&gt; : I nouvel incident depuis la vignette choisie (lieu rempli, capture liée) &amp;nbsp;·&amp;nbsp;
Ctrl+I nouvel incident &amp;nbsp;·&amp;nbsp; Ctrl+Entrée dans le formulaire le crée ou l&apos;enregistre &amp;nbsp;·&amp;nbsp;
V l&apos;image suit l&apos;incident choisi &amp;nbsp;·&amp;nbsp; F4 affiche ou masque le
panneau de dispatching &amp;nbsp;·&amp;nbsp; la bande d&apos;alertes au-dessus du mur : un clic ouvre le hit ou l&apos;appel&lt;br&gt;
&lt;b&gt;Hits ANPR&lt;/b&gt; : l&apos;onglet Hits ANPR du panneau de dispatching (ou un clic sur la bande d&apos;alertes) : choisissez un
hit, l&apos;extrait de plaque et la vue d&apos;ensemble s&apos;affichent une fois le visionnage journalisé ; comparez la lecture
avec l&apos;image, puis enregistrez Confirmé, Mal lu ou Mauvaise entrée de liste ; seul un hit confirmé devient un
incident (Créer un incident) &amp;nbsp;·&amp;nbsp; Caméra sur le mur met la caméra du hit sur la vignette choisie&lt;br&gt;
&lt;b&gt;Priorité 1&lt;/b&gt; : un nouvel appel de priorité 1 s&apos;affiche sur chaque poste qui traite des incidents et ne prend
aucune touche (ni Entrée ni Échap) : Afficher l&apos;ouvre dans le panneau de dispatching ; « Prendre en charge : je m’en
occupe » le prend en main, journalisé à votre nom, et la fenêtre se ferme sur chaque poste ; un poste verrouillé
compte seulement les appels en attente et affiche la fenêtre une fois déverrouillé&lt;br&gt;
&lt;b&gt;Relecture immédiate&lt;/b&gt; : F9 lit l&apos;enregistrement de la vignette sélectionnée d&apos;il y a 10 s ; encore F9 d&apos;il
y a 30 s, encore d&apos;il y a 2 min (chaque fois depuis le direct) ; F10 revient au direct. La vignette affiche alors
ENREGISTREMENT et l&apos;heure d&apos;enregistrement de l&apos;image dans une bande et un cadre magenta (une vignette en direct
montre l&apos;âge de son image) ; chaque relecture est journalisée avec votre motif
&amp;nbsp;·&amp;nbsp; Ctrl+P ouvre les enregistrements de la caméra choisie dans la fenêtre Enregistrements (revoir)&lt;br&gt;
&lt;b&gt;Alarmes&lt;/b&gt; : selon sa règle, la caméra d&apos;une alarme vient sur la tuile d&apos;alarme au-dessus du mur (en direct, et à côté
l&apos;enregistrement depuis 10 s avant l&apos;alarme, ENREGISTREMENT) ou sur une fenêtre du mur (marquée ALARME en rouge), journalisée sous le
motif de l&apos;alarme (&quot;alarm 0042&quot;) ; F7 ferme la tuile d&apos;alarme (sans elle, rend les fenêtres) &amp;nbsp;·&amp;nbsp; les
vignettes d&apos;une Mobbox montrent sa batterie, sa liaison et une porte ouverte&lt;br&gt;
&lt;b&gt;Session&lt;/b&gt; : R change le motif de visionnage &amp;nbsp;·&amp;nbsp; F8 capture de la vignette choisie (preuve)
&amp;nbsp;·&amp;nbsp; Ctrl+L verrouille l&apos;écran &amp;nbsp;·&amp;nbsp; Ctrl+B tableau de supervision (chef d&apos;équipe ; Échap ou Ctrl+B
le ferme) &amp;nbsp;·&amp;nbsp; Ctrl+Maj+Q déconnecte &amp;nbsp;·&amp;nbsp; F1 cette aide&lt;br&gt;&lt;br&gt;
&lt;b&gt;Souris&lt;/b&gt;&lt;br&gt;
Glissez une caméra de la liste sur une vignette ; glissez une vignette sur une autre pour les échanger ;
double-cliquez sur une vignette pour l&apos;agrandir.</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="111"/>
        <source>&lt;br&gt;&lt;br&gt;&lt;b&gt;Alarm queue&lt;/b&gt; (F6: the Alarms tab of the dispatch panel, the focus on its list; the most urgent
on top: priority, then the longest waiting): Enter or a double-click takes the chosen alarm &amp;nbsp;·&amp;nbsp; a
right-click offers Take, Hand back, Make incident and Close as... &amp;nbsp;·&amp;nbsp; the outcome and a note (Enter
closes) right under the list</source>
        <translation>&lt;br&gt;&lt;br&gt;&lt;b&gt;File des alarmes&lt;/b&gt; (F6 : l&apos;onglet Alarmes du panneau de dispatching, le focus sur sa liste ; la plus urgente
en haut : priorité, puis la plus longue attente) : Entrée ou un double-clic prend l&apos;alarme choisie &amp;nbsp;·&amp;nbsp; un
clic droit propose Prendre, Rendre, Créer l&apos;incident et Clôturer comme... &amp;nbsp;·&amp;nbsp; le résultat et une note (Entrée
clôture) juste sous la liste</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="281"/>
        <source>Recordings of the selected camera</source>
        <translation>Enregistrements de la caméra choisie</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="309"/>
        <source>← Back to my wall</source>
        <translation>← Retour à mon mur</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="311"/>
        <source>Put back the wall that was here before the incident&apos;s cameras</source>
        <translation>Remettre le mur qui était là avant les caméras de l&apos;incident</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="322"/>
        <source>{cameras} cameras ({fixed} fixed, {ptz} PTZ, {anpr} ANPR) in {areas} areas, {mobboxes} Mobbox units</source>
        <translation>{cameras} caméras ({fixed} fixes, {ptz} PTZ, {anpr} ANPR) dans {areas} zones, {mobboxes} Mobbox</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="343"/>
        <source>Workstation {name}</source>
        <translation>Poste {name}</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="400"/>
        <source>{count} live</source>
        <translation>{count} en direct</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="402"/>
        <source>{count} connecting</source>
        <translation>{count} en connexion</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="404"/>
        <source>{count} NO SIGNAL</source>
        <translation>{count} PAS DE SIGNAL</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="414"/>
        <source>Uitkijk – wall {number} · {layout}</source>
        <translation>Uitkijk – mur {number} · {layout}</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="436"/>
        <source>&amp;Tours</source>
        <translation>&amp;Rondes</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="438"/>
        <source>Vie&amp;ws</source>
        <translation>&amp;Vues</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="445"/>
        <source>Tour completed</source>
        <translation>Ronde terminée</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="445"/>
        <source>Tour stopped</source>
        <translation>Ronde arrêtée</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="454"/>
        <source>Start “{tour}”  ({steps} steps, {seconds} s)</source>
        <translation>Démarrer « {tour} »  ({steps} étapes, {seconds} s)</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="460"/>
        <source>No tours yet</source>
        <translation>Pas encore de rondes</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="462"/>
        <source>Stop the tour</source>
        <translation>Arrêter la ronde</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="466"/>
        <source>New tour from this wall…</source>
        <translation>Nouvelle ronde à partir de ce mur…</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="468"/>
        <source>Add this wall as a step to</source>
        <translation>Ajouter ce mur comme étape à</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="488"/>
        <source>New tour</source>
        <translation>Nouvelle ronde</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="488"/>
        <source>Name of the tour:</source>
        <translation>Nom de la ronde :</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="498"/>
        <source>Tour “{tour}” saved with one step</source>
        <translation>Ronde « {tour} » enregistrée avec une étape</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="505"/>
        <source>Step added to “{tour}”</source>
        <translation>Étape ajoutée à « {tour} »</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="510"/>
        <source>Save this wall as a view…</source>
        <translation>Enregistrer ce mur comme vue…</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="561"/>
        <source>Back to your wall</source>
        <translation>Retour à votre mur</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="569"/>
        <source>View “{view}”</source>
        <translation>Vue « {view} »</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="572"/>
        <source>Save view</source>
        <translation>Enregistrer la vue</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="572"/>
        <source>Name of this view:</source>
        <translation>Nom de cette vue :</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="575"/>
        <source>View “{view}” saved</source>
        <translation>Vue « {view} » enregistrée</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="609"/>
        <source>The reason for viewing that covers this wall: R changes it</source>
        <translation>Le motif de visionnage qui couvre ce mur : R le change</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="615"/>
        <source>&amp;Session</source>
        <translation>&amp;Session</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="616"/>
        <source>Change the reason for viewing…</source>
        <translation>Changer le motif de visionnage…</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="617"/>
        <source>Snapshot of the selected tile (evidence)</source>
        <translation>Capture de la vignette choisie (preuve)</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="619"/>
        <source>Lock the screen</source>
        <translation>Verrouiller l&apos;écran</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="621"/>
        <source>Supervision board</source>
        <translation>Tableau de supervision</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="622"/>
        <source>Sign out (change user)</source>
        <translation>Se déconnecter (changer d&apos;utilisateur)</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="628"/>
        <source>{user} ({role}) on {workstation}</source>
        <translation>{user} ({role}) sur {workstation}</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="649"/>
        <source>Instant replay of the selected tile (10 s, again 30 s, again 2 min)</source>
        <translation>Relecture immédiate de la vignette sélectionnée (10 s, encore 30 s, encore 2 min)</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="652"/>
        <source>F9: the selected tile&apos;s recording from 10 s ago; again: 30 s, again: 2 min</source>
        <translation>F9 : l&apos;enregistrement de la vignette sélectionnée d&apos;il y a 10 s ; encore : 30 s, encore : 2 min</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="653"/>
        <source>Back to live</source>
        <translation>Retour au direct</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="669"/>
        <location filename="../../console/ui/main_window.py" line="673"/>
        <source>Map</source>
        <translation>Carte</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="675"/>
        <source>Map window (for a wall monitor)</source>
        <translation>Fenêtre de carte (pour un écran mural)</translation>
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
        <translation>Nouvel incident depuis la vignette choisie</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="708"/>
        <source>New incident</source>
        <translation>Nouvel incident</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="709"/>
        <source>Video follows the selected incident</source>
        <translation>L&apos;image suit l&apos;incident choisi</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="715"/>
        <source>Video follows to</source>
        <translation>L&apos;image suit vers</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="718"/>
        <source>Dispatch panel</source>
        <translation>Panneau de dispatching</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="757"/>
        <source>No reason for viewing: press R</source>
        <translation>Pas de motif de visionnage : appuyez sur R</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="760"/>
        <source>Reason: {reason}</source>
        <translation>Motif : {reason}</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="771"/>
        <location filename="../../console/ui/main_window.py" line="774"/>
        <source>Not done: {why}</source>
        <translation>Non effectué : {why}</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="775"/>
        <source>The audit log cannot be written: nothing new is shown or moved</source>
        <translation>Le journal d&apos;audit ne peut pas être écrit : rien de nouveau n&apos;est affiché ni bougé</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="781"/>
        <source>The audit log is written again.</source>
        <translation>Le journal d&apos;audit est de nouveau écrit.</translation>
    </message>
</context>
<context>
    <name>Words</name>
    <message>
        <location filename="../../console/dispatch/model.py" line="326"/>
        <source>fight</source>
        <translation>bagarre</translation>
    </message>
    <message>
        <location filename="../../console/dispatch/model.py" line="327"/>
        <source>shoplifting</source>
        <translation>vol à l&apos;étalage</translation>
    </message>
    <message>
        <location filename="../../console/dispatch/model.py" line="328"/>
        <source>purse snatching</source>
        <translation>vol à l&apos;arraché</translation>
    </message>
    <message>
        <location filename="../../console/dispatch/model.py" line="329"/>
        <source>bike theft</source>
        <translation>vol de vélo</translation>
    </message>
    <message>
        <location filename="../../console/dispatch/model.py" line="330"/>
        <source>burglary</source>
        <translation>cambriolage</translation>
    </message>
    <message>
        <location filename="../../console/dispatch/model.py" line="331"/>
        <source>vandalism</source>
        <translation>vandalisme</translation>
    </message>
    <message>
        <location filename="../../console/dispatch/model.py" line="332"/>
        <source>nuisance</source>
        <translation>nuisances</translation>
    </message>
    <message>
        <location filename="../../console/dispatch/model.py" line="333"/>
        <source>suspicious person</source>
        <translation>personne suspecte</translation>
    </message>
    <message>
        <location filename="../../console/dispatch/model.py" line="334"/>
        <source>traffic accident</source>
        <translation>accident de la circulation</translation>
    </message>
    <message>
        <location filename="../../console/dispatch/model.py" line="335"/>
        <source>wanted vehicle</source>
        <translation>véhicule signalé</translation>
    </message>
    <message>
        <location filename="../../console/dispatch/model.py" line="336"/>
        <source>missing person</source>
        <translation>personne disparue</translation>
    </message>
    <message>
        <location filename="../../console/dispatch/model.py" line="337"/>
        <source>camera observation</source>
        <translation>constat caméra</translation>
    </message>
    <message>
        <location filename="../../console/dispatch/model.py" line="338"/>
        <location filename="../../console/ui/words.py" line="39"/>
        <source>other</source>
        <translation>autre</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="33"/>
        <source>administrative police</source>
        <translation>police administrative</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="34"/>
        <source>judicial police</source>
        <translation>police judiciaire</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="35"/>
        <source>virtual patrol</source>
        <translation>patrouille virtuelle</translation>
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
        <translation>hit ANPR</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="38"/>
        <source>request from an investigator</source>
        <translation>demande d&apos;un enquêteur</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="40"/>
        <location filename="../../console/ui/words.py" line="485"/>
        <source>alarm</source>
        <translation>alarme</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="41"/>
        <source>motion</source>
        <translation>mouvement</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="42"/>
        <source>tamper</source>
        <translation>sabotage</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="43"/>
        <source>video loss</source>
        <translation>perte d&apos;image</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="44"/>
        <source>frozen picture</source>
        <translation>image figée</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="45"/>
        <location filename="../../console/ui/words.py" line="507"/>
        <source>door</source>
        <translation>porte</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="46"/>
        <location filename="../../console/ui/words.py" line="489"/>
        <source>battery</source>
        <translation>batterie</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="47"/>
        <location filename="../../console/ui/words.py" line="591"/>
        <source>uplink</source>
        <translation>liaison</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="48"/>
        <source>digital input</source>
        <translation>entrée numérique</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="49"/>
        <location filename="../../console/ui/words.py" line="98"/>
        <source>operator</source>
        <translation>opérateur</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="50"/>
        <location filename="../../console/ui/words.py" line="100"/>
        <source>team chief</source>
        <translation>chef d&apos;équipe</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="51"/>
        <source>call-taker</source>
        <translation>preneur d&apos;appels</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="52"/>
        <source>data-protection officer</source>
        <translation>délégué à la protection des données</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="53"/>
        <source>administrator</source>
        <translation>administrateur</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="54"/>
        <source>investigator</source>
        <translation>enquêteur</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="55"/>
        <source>view live video</source>
        <translation>regarder la vidéo en direct</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="56"/>
        <source>run a tour</source>
        <translation>lancer une ronde</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="57"/>
        <source>control a PTZ camera</source>
        <translation>commander une caméra PTZ</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="58"/>
        <source>take over another operator&apos;s PTZ camera</source>
        <translation>reprendre la caméra PTZ d&apos;un autre opérateur</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="59"/>
        <source>take a snapshot</source>
        <translation>prendre une capture</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="60"/>
        <source>edit tours</source>
        <translation>modifier les rondes</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="61"/>
        <source>create and update incidents</source>
        <translation>créer et mettre à jour des incidents</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="62"/>
        <source>dispatch units</source>
        <translation>envoyer des équipes</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="63"/>
        <source>see who watches what (the board)</source>
        <translation>voir qui regarde quoi (le tableau)</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="64"/>
        <source>read the audit log</source>
        <translation>lire le journal d&apos;audit</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="65"/>
        <source>export the audit log</source>
        <translation>exporter le journal d&apos;audit</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="66"/>
        <source>configure cameras and users</source>
        <translation>configurer caméras et utilisateurs</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="67"/>
        <source>play back recordings</source>
        <translation>revoir des enregistrements</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="68"/>
        <source>export recordings</source>
        <translation>exporter des enregistrements</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="69"/>
        <source>place an evidence lock</source>
        <translation>poser un verrou de preuve</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="70"/>
        <source>release an evidence lock</source>
        <translation>lever un verrou de preuve</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="71"/>
        <source>import outside footage</source>
        <translation>importer des images externes</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="72"/>
        <source>take and close alarms</source>
        <translation>prendre et clôturer des alarmes</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="73"/>
        <location filename="../../console/ui/words.py" line="109"/>
        <source>phone</source>
        <translation>téléphone</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="74"/>
        <location filename="../../console/ui/words.py" line="113"/>
        <location filename="../../console/ui/words.py" line="492"/>
        <source>camera</source>
        <translation>caméra</translation>
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
        <translation>signalement citoyen</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="78"/>
        <source>new</source>
        <translation>nouveau</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="79"/>
        <location filename="../../console/ui/words.py" line="88"/>
        <source>dispatched</source>
        <translation>envoyé</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="80"/>
        <location filename="../../console/ui/words.py" line="90"/>
        <source>on scene</source>
        <translation>sur place</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="81"/>
        <location filename="../../console/ui/words.py" line="636"/>
        <source>closed</source>
        <translation>clôturé</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="82"/>
        <source>cancelled</source>
        <translation>annulé</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="83"/>
        <source>merged</source>
        <translation>fusionné</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="84"/>
        <source>car</source>
        <translation>voiture</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="85"/>
        <source>bike</source>
        <translation>vélo</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="86"/>
        <source>foot</source>
        <translation>à pied</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="87"/>
        <source>available</source>
        <translation>disponible</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="89"/>
        <source>en route</source>
        <translation>en route</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="91"/>
        <source>busy</source>
        <translation>occupée</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="92"/>
        <source>out of service</source>
        <translation>hors service</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="93"/>
        <source>connecting</source>
        <translation>connexion</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="94"/>
        <source>live</source>
        <translation>en direct</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="95"/>
        <source>no signal</source>
        <translation>pas de signal</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="96"/>
        <location filename="../../console/ui/words.py" line="170"/>
        <location filename="../../console/ui/words.py" line="289"/>
        <location filename="../../console/ui/words.py" line="616"/>
        <location filename="../../console/ui/words.py" line="617"/>
        <source>stopped</source>
        <translation>arrêté</translation>
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
        <translation>nature</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="106"/>
        <source>address</source>
        <translation>adresse</translation>
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
        <translation>appelant</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="110"/>
        <location filename="../../console/ui/words.py" line="119"/>
        <source>report number</source>
        <translation>numéro de PV</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="111"/>
        <source>description</source>
        <translation>description</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="112"/>
        <location filename="../../console/ui/words.py" line="547"/>
        <source>outcome</source>
        <translation>résultat</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="114"/>
        <location filename="../../console/ui/words.py" line="551"/>
        <source>plate</source>
        <translation>plaque</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="115"/>
        <location filename="../../console/ui/words.py" line="501"/>
        <source>country</source>
        <translation>pays</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="116"/>
        <source>confirmed</source>
        <translation>confirmé</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="117"/>
        <source>misread</source>
        <translation>mal lu</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="118"/>
        <source>wrong list entry</source>
        <translation>mauvaise entrée de liste</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="120"/>
        <location filename="../../console/ui/words.py" line="553"/>
        <source>priority</source>
        <translation>priorité</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="121"/>
        <location filename="../../console/ui/words.py" line="533"/>
        <source>latitude</source>
        <translation>latitude</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="122"/>
        <location filename="../../console/ui/words.py" line="539"/>
        <source>longitude</source>
        <translation>longitude</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="125"/>
        <source>inbound</source>
        <translation>entrant</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="126"/>
        <source>outbound</source>
        <translation>sortant</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="127"/>
        <source>direction unknown</source>
        <translation>sens inconnu</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="132"/>
        <source>nothing recorded at this time</source>
        <translation>rien d&apos;enregistré à ce moment</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="133"/>
        <source>not recorded yet</source>
        <translation>pas encore enregistré</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="134"/>
        <source>the recording&apos;s file holds no picture</source>
        <translation>le fichier de l&apos;enregistrement ne contient aucune image</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="135"/>
        <source>the recording&apos;s file is missing</source>
        <translation>le fichier de l&apos;enregistrement est manquant</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="136"/>
        <source>the recording&apos;s file may not be read (permissions)</source>
        <translation>le fichier de l&apos;enregistrement ne peut pas être lu (droits)</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="139"/>
        <source>the recording&apos;s file could not be read (damaged)</source>
        <translation>le fichier de l&apos;enregistrement n&apos;a pas pu être lu (endommagé)</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="142"/>
        <source>the recording&apos;s file could not be read</source>
        <translation>le fichier de l&apos;enregistrement n&apos;a pas pu être lu</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="143"/>
        <source>the recording could not be played</source>
        <translation>l&apos;enregistrement n&apos;a pas pu être lu</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="144"/>
        <source>opening the recording…</source>
        <translation>ouverture de l&apos;enregistrement…</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="156"/>
        <source>connection refused</source>
        <translation>connexion refusée</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="157"/>
        <source>not authorised: check the camera&apos;s user name and password</source>
        <translation>accès refusé : vérifiez le nom d&apos;utilisateur et le mot de passe de la caméra</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="160"/>
        <source>refused (403): this workstation may not pull the stream</source>
        <translation>refusé (403) : ce poste de travail ne peut pas tirer le flux</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="163"/>
        <source>the camera has no such stream (404)</source>
        <translation>la caméra n&apos;a pas ce flux (404)</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="164"/>
        <source>the camera ended the stream</source>
        <translation>la caméra a terminé le flux</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="165"/>
        <source>the camera closed the connection</source>
        <translation>la caméra a fermé la connexion</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="166"/>
        <source>the camera&apos;s answer could not be read</source>
        <translation>la réponse de la caméra était illisible</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="167"/>
        <source>the decoding process stopped; starting it again</source>
        <translation>le processus de décodage s&apos;est arrêté ; il redémarre</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="175"/>
        <source>no answer within {seconds} s</source>
        <translation>pas de réponse en {seconds} s</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="177"/>
        <source>no frames for {seconds} s</source>
        <translation>pas d&apos;images depuis {seconds} s</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="178"/>
        <source>the camera refused: {reason}</source>
        <translation>la caméra a refusé : {reason}</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="264"/>
        <source>{category} ({kind})</source>
        <translation>{category} ({kind})</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="269"/>
        <source>{reason}: {reference}</source>
        <translation>{reason} : {reference}</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="279"/>
        <source>external system</source>
        <translation>système externe</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="280"/>
        <source>administrator (command line)</source>
        <translation>administrateur (ligne de commande)</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="281"/>
        <location filename="../../console/ui/words.py" line="558"/>
        <source>recorder</source>
        <translation>enregistreur</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="288"/>
        <source>disk full</source>
        <translation>disque plein</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="297"/>
        <source>recorder {name}: {problem}</source>
        <translation>enregistreur {name} : {problem}</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="298"/>
        <source>not recorded now: {camera}</source>
        <translation>non enregistrée en ce moment : {camera}</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="299"/>
        <source>{count} cameras not recorded now</source>
        <translation>{count} caméras non enregistrées en ce moment</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="300"/>
        <source>Not recorded now: {cameras}</source>
        <translation>Non enregistrées en ce moment : {cameras}</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="317"/>
        <source>{time}: relay {dead} down, {relay} took {camera}</source>
        <translation>{time} : relais {dead} en panne, {relay} a repris {camera}</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="318"/>
        <source>{time}: relay {dead} down, {relay} took {count} cameras</source>
        <translation>{time} : relais {dead} en panne, {relay} a repris {count} caméras</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="319"/>
        <source>Taken over: {cameras}</source>
        <translation>Repris : {cameras}</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="368"/>
        <source>active</source>
        <translation>actif</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="368"/>
        <source>locked</source>
        <translation>verrouillé</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="375"/>
        <source>— none —</source>
        <translation>— aucun —</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="392"/>
        <source>wall {number}</source>
        <translation>mur {number}</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="396"/>
        <source>signed in</source>
        <translation>connecté</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="397"/>
        <source>sign-in refused</source>
        <translation>connexion refusée</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="398"/>
        <location filename="../../console/ui/words.py" line="646"/>
        <source>signed out</source>
        <translation>déconnecté</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="399"/>
        <source>screen locked</source>
        <translation>écran verrouillé</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="400"/>
        <source>screen unlocked</source>
        <translation>écran déverrouillé</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="401"/>
        <source>unlock refused</source>
        <translation>déverrouillage refusé</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="402"/>
        <source>reason given</source>
        <translation>motif donné</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="403"/>
        <source>reason ended</source>
        <translation>motif terminé</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="404"/>
        <source>configuration loaded</source>
        <translation>configuration chargée</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="405"/>
        <source>configuration changed</source>
        <translation>configuration modifiée</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="406"/>
        <source>audit log resumed</source>
        <translation>journal d’audit repris</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="407"/>
        <source>audit log searched</source>
        <translation>journal d’audit consulté</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="408"/>
        <source>audit log exported</source>
        <translation>journal d’audit exporté</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="409"/>
        <source>viewing started</source>
        <translation>visionnage commencé</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="410"/>
        <source>viewing start withdrawn</source>
        <translation>début de visionnage retiré</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="411"/>
        <source>viewing start corrected</source>
        <translation>début de visionnage corrigé</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="412"/>
        <source>viewing stopped</source>
        <translation>visionnage arrêté</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="413"/>
        <source>tour started</source>
        <translation>ronde commencée</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="414"/>
        <source>tour stopped</source>
        <translation>ronde arrêtée</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="415"/>
        <source>snapshot taken</source>
        <translation>capture prise</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="416"/>
        <source>PTZ control taken</source>
        <translation>commande PTZ prise</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="417"/>
        <source>PTZ control refused</source>
        <translation>commande PTZ refusée</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="418"/>
        <source>PTZ control ended</source>
        <translation>commande PTZ terminée</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="419"/>
        <source>PTZ moved</source>
        <translation>PTZ déplacée</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="420"/>
        <source>PTZ aimed at a spot</source>
        <translation>PTZ pointée sur un endroit</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="421"/>
        <source>PTZ sent home</source>
        <translation>PTZ en position de repos</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="422"/>
        <source>PTZ preset called</source>
        <translation>préréglage PTZ appelé</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="423"/>
        <source>PTZ preset call withdrawn</source>
        <translation>appel de préréglage PTZ retiré</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="424"/>
        <source>PTZ preset saved</source>
        <translation>préréglage PTZ enregistré</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="425"/>
        <source>PTZ preset removed</source>
        <translation>préréglage PTZ supprimé</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="426"/>
        <source>incident created</source>
        <translation>incident créé</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="427"/>
        <source>incident changed</source>
        <translation>incident modifié</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="428"/>
        <source>incident note</source>
        <translation>note d’incident</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="429"/>
        <source>camera linked to incident</source>
        <translation>caméra liée à l’incident</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="430"/>
        <source>incident closed</source>
        <translation>incident clôturé</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="431"/>
        <source>incident cancelled</source>
        <translation>incident annulé</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="432"/>
        <source>incident merged</source>
        <translation>incident fusionné</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="433"/>
        <source>priority 1 acknowledged</source>
        <translation>priorité 1 prise en charge</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="434"/>
        <source>priority 1 warning</source>
        <translation>avertissement priorité 1</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="435"/>
        <source>unit dispatched</source>
        <translation>équipe envoyée</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="436"/>
        <source>unit state</source>
        <translation>statut d’équipe</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="437"/>
        <source>units configured</source>
        <translation>équipes configurées</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="439"/>
        <source>ANPR hit opened</source>
        <translation>hit ANPR ouvert</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="440"/>
        <source>ANPR hit checked</source>
        <translation>hit ANPR vérifié</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="441"/>
        <source>playback started</source>
        <translation>visionnage d&apos;enregistrement commencé</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="442"/>
        <source>playback stopped</source>
        <translation>visionnage d&apos;enregistrement arrêté</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="443"/>
        <source>recording exported</source>
        <translation>enregistrement exporté</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="444"/>
        <source>evidence lock placed</source>
        <translation>verrou de preuve posé</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="445"/>
        <source>evidence lock released</source>
        <translation>verrou de preuve levé</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="446"/>
        <source>recording deleted (retention)</source>
        <translation>enregistrement effacé (durée de conservation)</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="447"/>
        <source>ANPR hits deleted (retention)</source>
        <translation>hits ANPR effacés (durée de conservation)</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="448"/>
        <source>evidence stills deleted (retention)</source>
        <translation>captures (preuve) effacées (durée de conservation)</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="449"/>
        <source>alarm stills deleted (retention)</source>
        <translation>images d&apos;alarme effacées (durée de conservation)</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="450"/>
        <source>outside footage imported</source>
        <translation>images externes importées</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="451"/>
        <source>stream pulled for recording</source>
        <translation>flux récupéré pour l&apos;enregistrement</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="452"/>
        <source>stream pulled for the alarm detectors</source>
        <translation>flux tiré pour les détecteurs d’alarme</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="453"/>
        <source>alarm raised</source>
        <translation>alarme déclenchée</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="454"/>
        <source>alarm taken</source>
        <translation>alarme prise</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="455"/>
        <source>alarm handed back</source>
        <translation>alarme rendue</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="456"/>
        <source>alarm escalated to the team chief</source>
        <translation>alarme transmise au chef d’équipe</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="457"/>
        <source>alarm closed</source>
        <translation>alarme clôturée</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="482"/>
        <source>action</source>
        <translation>action</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="483"/>
        <source>added</source>
        <translation>ajoutées</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="484"/>
        <source>after</source>
        <translation>après</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="486"/>
        <source>alarm outcome</source>
        <translation>résultat de l&apos;alarme</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="488"/>
        <source>battery low</source>
        <translation>batterie faible</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="490"/>
        <source>brightness</source>
        <translation>luminosité</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="491"/>
        <source>size</source>
        <translation>taille</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="493"/>
        <source>cameras</source>
        <translation>caméras</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="494"/>
        <source>cause</source>
        <translation>cause</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="495"/>
        <source>change</source>
        <translation>modification</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="496"/>
        <source>changed files</source>
        <translation>fichiers modifiés</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="497"/>
        <source>characters</source>
        <translation>caractères</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="498"/>
        <source>codec</source>
        <translation>codec</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="499"/>
        <source>confidence</source>
        <translation>fiabilité</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="500"/>
        <source>contrast</source>
        <translation>contraste</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="502"/>
        <source>day (UTC)</source>
        <translation>jour (UTC)</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="503"/>
        <source>judicial decision</source>
        <translation>décision judiciaire</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="504"/>
        <source>device</source>
        <translation>appareil</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="505"/>
        <source>picture difference</source>
        <translation>différence d&apos;image</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="506"/>
        <source>direction</source>
        <translation>sens</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="508"/>
        <source>duration</source>
        <translation>durée</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="509"/>
        <source>earlier hit</source>
        <translation>hit précédent</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="510"/>
        <source>entries</source>
        <translation>entrées</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="511"/>
        <source>event at</source>
        <translation>événement à</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="512"/>
        <source>fields</source>
        <translation>champs</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="513"/>
        <source>file</source>
        <translation>fichier</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="514"/>
        <source>file fingerprint (SHA-256)</source>
        <translation>empreinte du fichier (SHA-256)</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="515"/>
        <source>files</source>
        <translation>fichiers</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="516"/>
        <source>finding</source>
        <translation>constat</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="517"/>
        <source>folder</source>
        <translation>dossier</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="518"/>
        <location filename="../../console/ui/words.py" line="519"/>
        <source>from</source>
        <translation>à partir de</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="520"/>
        <source>playback grant</source>
        <translation>autorisation de revoir</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="521"/>
        <source>happened at</source>
        <translation>survenu à</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="523"/>
        <source>ANPR hits</source>
        <translation>hits ANPR</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="524"/>
        <source>how</source>
        <translation>comment</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="526"/>
        <source>initial state</source>
        <translation>état initial</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="527"/>
        <source>input</source>
        <translation>entrée</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="528"/>
        <source>joined an earlier hit</source>
        <translation>joint à un hit précédent</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="529"/>
        <source>joined incident</source>
        <translation>joint à l&apos;incident</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="530"/>
        <source>kind</source>
        <translation>type</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="531"/>
        <source>largest area</source>
        <translation>plus grande surface</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="532"/>
        <source>last picture shown</source>
        <translation>dernière image montrée</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="534"/>
        <source>layout</source>
        <translation>disposition</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="535"/>
        <source>list</source>
        <translation>liste</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="536"/>
        <source>evidence lock</source>
        <translation>verrou de preuve</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="537"/>
        <source>log ended at entry</source>
        <translation>journal terminé à l&apos;entrée</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="538"/>
        <source>logged ahead</source>
        <translation>journalisé d&apos;avance</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="540"/>
        <source>lost entries</source>
        <translation>entrées perdues</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="541"/>
        <source>manifest fingerprint (SHA-256)</source>
        <translation>empreinte du manifeste (SHA-256)</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="542"/>
        <source>missing</source>
        <translation>manquants</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="543"/>
        <source>number</source>
        <translation>numéro</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="544"/>
        <source>name</source>
        <translation>nom</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="545"/>
        <source>note</source>
        <translation>note</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="546"/>
        <source>cameras offline</source>
        <translation>caméras hors ligne</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="548"/>
        <source>pan</source>
        <translation>pan</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="549"/>
        <source>placed by</source>
        <translation>posé par</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="550"/>
        <source>placed at</source>
        <translation>posé à</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="552"/>
        <source>preset</source>
        <translation>preset</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="554"/>
        <source>stream pull</source>
        <translation>réception du flux</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="555"/>
        <source>reason</source>
        <translation>motif</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="556"/>
        <source>words of the reason</source>
        <translation>mots du motif</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="557"/>
        <source>recipient</source>
        <translation>destinataire</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="559"/>
        <source>relay down</source>
        <translation>relais en panne</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="560"/>
        <source>repeating</source>
        <translation>répétée</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="561"/>
        <source>role</source>
        <translation>rôle</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="562"/>
        <source>rule</source>
        <translation>règle</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="563"/>
        <source>segments</source>
        <translation>segments</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="282"/>
        <location filename="../../console/ui/words.py" line="564"/>
        <source>service</source>
        <translation>service</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="565"/>
        <source>session</source>
        <translation>session</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="566"/>
        <source>fingerprint (SHA-256)</source>
        <translation>empreinte (SHA-256)</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="567"/>
        <source>from day (UTC)</source>
        <translation>à partir du jour (UTC)</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="568"/>
        <source>snapshot</source>
        <translation>capture</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="569"/>
        <source>source</source>
        <translation>source</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="570"/>
        <source>state</source>
        <translation>état</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="571"/>
        <source>step due at</source>
        <translation>étape prévue à</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="572"/>
        <source>steps</source>
        <translation>étapes</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="573"/>
        <source>steps shown</source>
        <translation>étapes montrées</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="574"/>
        <source>unchanged for</source>
        <translation>inchangée pendant</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="575"/>
        <source>stills</source>
        <translation>images fixes</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="576"/>
        <source>stopped at</source>
        <translation>arrêté à</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="577"/>
        <source>stream</source>
        <translation>flux</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="578"/>
        <source>taken from</source>
        <translation>reprise de</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="579"/>
        <source>taken over from</source>
        <translation>reprise à</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="580"/>
        <source>tile</source>
        <translation>vignette</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="581"/>
        <source>tilt</source>
        <translation>tilt</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="582"/>
        <source>to</source>
        <translation>à</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="583"/>
        <source>ONVIF topic</source>
        <translation>sujet ONVIF</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="585"/>
        <source>tours</source>
        <translation>rondes</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="587"/>
        <source>unit</source>
        <translation>équipe</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="588"/>
        <source>units cleared</source>
        <translation>équipes libérées</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="589"/>
        <source>not recorded</source>
        <translation>non enregistrée(s)</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="590"/>
        <source>before day (UTC)</source>
        <translation>avant le jour (UTC)</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="592"/>
        <source>user</source>
        <translation>utilisateur</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="593"/>
        <source>via</source>
        <translation>via</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="594"/>
        <source>waited</source>
        <translation>attente</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="595"/>
        <source>wall</source>
        <translation>mur</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="596"/>
        <source>was due at</source>
        <translation>était prévu à</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="597"/>
        <source>what</source>
        <translation>quoi</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="598"/>
        <source>where</source>
        <translation>où</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="599"/>
        <source>why</source>
        <translation>pourquoi</translation>
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
        <translation>dossier judiciaire</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="609"/>
        <location filename="../../console/ui/words.py" line="610"/>
        <source>sent to</source>
        <translation>envoyée à</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="615"/>
        <source>started</source>
        <translation>démarré</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="618"/>
        <source>completed</source>
        <translation>terminée</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="619"/>
        <source>main stream</source>
        <translation>flux principal</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="620"/>
        <source>sub-stream</source>
        <translation>sous-flux</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="621"/>
        <source>operators</source>
        <translation>opérateurs</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="622"/>
        <source>alarm tile</source>
        <translation>tuile d&apos;alarme</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="623"/>
        <source>the board</source>
        <translation>le tableau du chef d&apos;équipe</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="624"/>
        <source>the map</source>
        <translation>la carte</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="625"/>
        <source>a desk&apos;s wall in miniature</source>
        <translation>le mur d&apos;un poste de travail en miniature</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="626"/>
        <source>unattended</source>
        <translation>sans opérateur</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="627"/>
        <source>sign-in window</source>
        <translation>fenêtre de connexion</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="628"/>
        <source>benchmark</source>
        <translation>banc d&apos;essai</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="629"/>
        <source>user added</source>
        <translation>utilisateur ajouté</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="630"/>
        <source>password changed</source>
        <translation>mot de passe modifié</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="631"/>
        <source>recorder down</source>
        <translation>enregistreur en panne</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="632"/>
        <source>lens covered</source>
        <translation>objectif masqué</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="633"/>
        <source>picture moved</source>
        <translation>image déplacée</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="634"/>
        <source>out of focus</source>
        <translation>image floue</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="635"/>
        <source>open</source>
        <translation>ouverte</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="637"/>
        <source>ok</source>
        <translation>en ordre</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="638"/>
        <source>degraded</source>
        <translation>dégradée</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="639"/>
        <source>lost</source>
        <translation>perdue</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="640"/>
        <source>the camera&apos;s own event</source>
        <translation>événement propre de la caméra</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="641"/>
        <source>detector</source>
        <translation>détecteur</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="642"/>
        <source>watchdog</source>
        <translation>surveillance du flux</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="643"/>
        <source>bodycam</source>
        <translation>caméra-piéton</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="644"/>
        <source>drone</source>
        <translation>drone</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="645"/>
        <source>console closed</source>
        <translation>console fermée</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="647"/>
        <source>switched user</source>
        <translation>changement d&apos;utilisateur</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="648"/>
        <source>incident finished</source>
        <translation>incident terminé</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="649"/>
        <location filename="../../console/ui/words.py" line="650"/>
        <source>wrong user name or password</source>
        <translation>nom d&apos;utilisateur ou mot de passe erroné</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="655"/>
        <source>{label}: {value}</source>
        <translation>{label} : {value}</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="656"/>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="657"/>
        <source>no</source>
        <translation>non</translation>
    </message>
    <message>
        <location filename="../../console/ui/words.py" line="658"/>
        <source>none</source>
        <translation>aucun</translation>
    </message>
</context>
</TS>
