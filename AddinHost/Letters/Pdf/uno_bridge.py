# Keeps one LibreOffice instance busy converting documents to PDF, one request per stdin line:
# "<input path>\t<output path>" -> "ok" or "error\t<reason>". Started and watched by LibreOfficePool;
# closing stdin shuts LibreOffice down.
import sys
import time

import uno
from com.sun.star.beans import PropertyValue


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def connect(pipe, timeout):
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    deadline = time.time() + timeout
    while True:
        try:
            return resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
        except Exception:
            if time.time() > deadline:
                raise
            time.sleep(0.2)


def main():
    pipe, timeout = sys.argv[1], float(sys.argv[2])
    try:
        context = connect(pipe, timeout)
    except Exception as e:
        print("error\t%s" % str(e).replace("\n", " "), flush=True)
        return 1
    desktop = context.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", context)
    print("ready", flush=True)
    for line in sys.stdin:
        source, target = line.rstrip("\n").split("\t")
        try:
            document = desktop.loadComponentFromURL(uno.systemPathToFileUrl(source), "_blank", 0, (prop("Hidden", True),))
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
    except Exception:
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
