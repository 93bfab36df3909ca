<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="nl_BE" sourcelanguage="en">
<context>
    <name>LockScreen</name>
    <message>
        <location filename="../../console/ui/login.py" line="230" />
        <source>Uitkijk is locked</source>
        <translation>Uitkijk is vergrendeld</translation>
    </message>
    <message>
        <location filename="../../console/ui/login.py" line="235" />
        <source>password</source>
        <translation>wachtwoord</translation>
    </message>
    <message>
        <location filename="../../console/ui/login.py" line="238" />
        <source>Unlock</source>
        <translation>Ontgrendelen</translation>
    </message>
    <message>
        <location filename="../../console/ui/login.py" line="240" />
        <source>Sign in as someone else</source>
        <translation>Aanmelden als iemand anders</translation>
    </message>
    <message>
        <location filename="../../console/ui/login.py" line="253" />
        <source>Wrong password.</source>
        <translation>Verkeerd wachtwoord.</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../console/ui/login.py" line="66" />
        <source>Uitkijk – sign in</source>
        <translation>Uitkijk – aanmelden</translation>
    </message>
    <message>
        <location filename="../../console/ui/login.py" line="69" />
        <source>&lt;b&gt;Uitkijk&lt;/b&gt; – dispatch video wall</source>
        <translation>&lt;b&gt;Uitkijk&lt;/b&gt; – videowand van de dispatching</translation>
    </message>
    <message>
        <location filename="../../console/ui/login.py" line="71" />
        <source>Workstation &lt;b&gt;{workstation}&lt;/b&gt;. Every sign-in and every viewing is logged.</source>
        <translation>Werkpost &lt;b&gt;{workstation}&lt;/b&gt;. Elke aanmelding en elke raadpleging van beelden wordt gelogd.</translation>
    </message>
    <message>
        <location filename="../../console/ui/login.py" line="75" />
        <source>user name</source>
        <translation>gebruikersnaam</translation>
    </message>
    <message>
        <location filename="../../console/ui/login.py" line="78" />
        <source>password</source>
        <translation>wachtwoord</translation>
    </message>
    <message>
        <location filename="../../console/ui/login.py" line="83" />
        <source>User</source>
        <translation>Gebruiker</translation>
    </message>
    <message>
        <location filename="../../console/ui/login.py" line="84" />
        <source>Password</source>
        <translation>Wachtwoord</translation>
    </message>
    <message>
        <location filename="../../console/ui/login.py" line="86" />
        <source>Sign in</source>
        <translation>Aanmelden</translation>
    </message>
    <message>
        <location filename="../../console/ui/login.py" line="103" />
        <source>Give your user name and password.</source>
        <translation>Geef uw gebruikersnaam en wachtwoord.</translation>
    </message>
    <message>
        <location filename="../../console/ui/login.py" line="106" />
        <source>Checking…</source>
        <translation>Bezig met nakijken…</translation>
    </message>
    <message>
        <location filename="../../console/ui/login.py" line="120" />
        <source>Wrong user name or password</source>
        <translation>Verkeerde gebruikersnaam of wachtwoord</translation>
    </message>
    <message>
        <location filename="../../console/ui/login.py" line="122" />
        <source>Sign-in failed: {error}</source>
        <translation>Aanmelden mislukt: {error}</translation>
    </message>
    <message>
        <location filename="../../console/ui/login.py" line="126" />
        <source>{text}. Too many attempts: wait {seconds} s.</source>
        <translation>{text}. Te veel pogingen: wacht {seconds} s.</translation>
    </message>
</context>
</TS>