# Owns one LibreOffice instance and keeps it converting documents to PDF, one request per stdin line:
# "<input path>\t<output path>" -> "ok" or "error\t<reason>". Started and watched by LibreOfficePool.
# LibreOffice runs in a session of its own, with a cleared environment; it dies with this bridge's host: the end of
# stdin, or the host's death (this process is then re-parented), kills the whole session, even mid-conversion.
import ctypes
import os
import signal
import subprocess
import sys
import threading
import time

import uno
from com.sun.star.beans import PropertyValue

PR_SET_PDEATHSIG = 1


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def die_with_bridge():
    # In LibreOffice's launcher, before exec: it is killed if this bridge is (its own children are swept by the group kill).
    ctypes.CDLL("libc.so.6", use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)


def start_office(soffice, profile, pipe):
    scratch = os.path.join(profile, "tmp")
    # Nothing of the host's environment (its secrets) reaches LibreOffice.
    env = {"PATH": "/usr/bin:/bin", "HOME": profile, "TMPDIR": scratch, "LANG": "C.UTF-8", "SAL_USE_VCLPLUGIN": "svp"}
    return subprocess.Popen(
        [soffice, "--headless", "--invisible", "--nologo", "--nodefault", "--norestore", "--nolockcheck", "--nofirststartwizard",
         "-env:UserInstallation=file://%s" % profile, "--accept=pipe,name=%s;urp;StarOffice.ComponentContext" % pipe],
        env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        start_new_session=True, preexec_fn=die_with_bridge, close_fds=True)


def kill_office(office):
    try:
        os.killpg(office.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


def watch_host(office, host):
    # The host was killed (SIGKILL, out of memory): this bridge now has another parent. Take LibreOffice down at once.
    while True:
        if os.getppid() != host:
            kill_office(office)
            os._exit(3)
        time.sleep(0.2)


def connect(pipe, timeout, office):
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    deadline = time.time() + timeout
    while True:
        try:
            return resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
        except Exception:
            if time.time() > deadline or office.poll() is not None:
                raise
            time.sleep(0.2)


def main():
    soffice, profile, pipe, timeout = sys.argv[1], sys.argv[2], sys.argv[3], float(sys.argv[4])
    host = os.getppid()
    office = start_office(soffice, profile, pipe)
    threading.Thread(target=watch_host, args=(office, host), daemon=True).start()
    try:
        context = connect(pipe, timeout, office)
    except Exception as e:
        kill_office(office)
        print("error\t%s" % str(e).replace("\n", " "), flush=True)
        return 1
    desktop = context.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", context)
    print("ready\t%d" % office.pid, flush=True)
    # Links are never updated and macros never run: a template cannot make LibreOffice fetch or execute anything.
    load = (prop("Hidden", True), prop("ReadOnly", True), prop("UpdateDocMode", 0), prop("MacroExecutionMode", 0))
    for line in sys.stdin:
        source, target = line.rstrip("\n").split("\t")
        try:
            document = desktop.loadComponentFromURL(uno.systemPathToFileUrl(source), "_blank", 0, load)
            try:
                document.storeToURL(uno.systemPathToFileUrl(target), (prop("FilterName", "writer_pdf_Export"),))
            finally:
                document.close(True)
            print("ok", flush=True)
        except Exception as e:
            print("error\t%s" % str(e).replace("\n", " "), flush=True)
    # End of input: close LibreOffice properly, so it removes its pipes and locks from the temp folder.
    try:
        desktop.terminate()
        office.wait(5)
    except Exception:
        pass
    kill_office(office)
    return 0


if __name__ == "__main__":
    sys.exit(main())
