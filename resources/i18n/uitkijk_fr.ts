<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="fr_BE" sourcelanguage="en">
<context>
    <name>LockScreen</name>
    <message>
        <location filename="../../console/ui/login.py" line="230" />
        <source>Uitkijk is locked</source>
        <translation>Uitkijk est verrouillé</translation>
    </message>
    <message>
        <location filename="../../console/ui/login.py" line="235" />
        <source>password</source>
        <translation>mot de passe</translation>
    </message>
    <message>
        <location filename="../../console/ui/login.py" line="238" />
        <source>Unlock</source>
        <translation>Déverrouiller</translation>
    </message>
    <message>
        <location filename="../../console/ui/login.py" line="240" />
        <source>Sign in as someone else</source>
        <translation>Se connecter sous un autre nom</translation>
    </message>
    <message>
        <location filename="../../console/ui/login.py" line="253" />
        <source>Wrong password.</source>
        <translation>Mot de passe incorrect.</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../console/ui/login.py" line="66" />
        <source>Uitkijk – sign in</source>
        <translation>Uitkijk – connexion</translation>
    </message>
    <message>
        <location filename="../../console/ui/login.py" line="69" />
        <source>&lt;b&gt;Uitkijk&lt;/b&gt; – dispatch video wall</source>
        <translation>&lt;b&gt;Uitkijk&lt;/b&gt; – mur vidéo du dispatching</translation>
    </message>
    <message>
        <location filename="../../console/ui/login.py" line="71" />
        <source>Workstation &lt;b&gt;{workstation}&lt;/b&gt;. Every sign-in and every viewing is logged.</source>
        <translation>Poste de travail &lt;b&gt;{workstation}&lt;/b&gt;. Chaque connexion et chaque visionnage est journalisé.</translation>
    </message>
    <message>
        <location filename="../../console/ui/login.py" line="75" />
        <source>user name</source>
        <translation>nom d'utilisateur</translation>
    </message>
    <message>
        <location filename="../../console/ui/login.py" line="78" />
        <source>password</source>
        <translation>mot de passe</translation>
    </message>
    <message>
        <location filename="../../console/ui/login.py" line="83" />
        <source>User</source>
        <translation>Utilisateur</translation>
    </message>
    <message>
        <location filename="../../console/ui/login.py" line="84" />
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <location filename="../../console/ui/login.py" line="86" />
        <source>Sign in</source>
        <translation>Se connecter</translation>
    </message>
    <message>
        <location filename="../../console/ui/login.py" line="103" />
        <source>Give your user name and password.</source>
        <translation>Indiquez votre nom d'utilisateur et votre mot de passe.</translation>
    </message>
    <message>
        <location filename="../../console/ui/login.py" line="106" />
        <source>Checking…</source>
        <translation>Vérification…</translation>
    </message>
    <message>
        <location filename="../../console/ui/login.py" line="120" />
        <source>Wrong user name or password</source>
        <translation>Nom d'utilisateur ou mot de passe incorrect</translation>
    </message>
    <message>
        <location filename="../../console/ui/login.py" line="122" />
        <source>Sign-in failed: {error}</source>
        <translation>Échec de la connexion : {error}</translation>
    </message>
    <message>
        <location filename="../../console/ui/login.py" line="126" />
        <source>{text}. Too many attempts: wait {seconds} s.</source>
        <translation>{text}. Trop de tentatives : attendez {seconds} s.</translation>
    </message>
</context>
</TS>